import type { Bus } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { RestApiHarness, TestTenant } from './support/rest-api-harness';

/** Polls `condition` every 25 ms until it holds; throws after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A small support FAQ in markdown: three sections, one paragraph each. */
export const FAQ = [
  '# Opening hours',
  '',
  'Our stores are open from nine to five on weekdays. On Saturdays we open at ten.',
  '',
  '# Returns',
  '',
  'Items can be returned within thirty days for a full refund. Bring the receipt.',
  '',
  '# Shipping',
  '',
  'Shipping takes three to five business days. Express shipping arrives the next day.',
].join('\n');

/** Every knowledge fact on the KNOWLEDGE stream, read by a durable consumer as webhooks would. */
export class KnowledgeFacts {
  readonly seen: { subject: string; payload: Record<string, unknown> }[] = [];

  static async start(bus: Bus): Promise<KnowledgeFacts> {
    const facts = new KnowledgeFacts();
    await bus.ensureStreams([streams.knowledge]);
    await bus.consume(streams.knowledge, 'knowledge-spec', async (event) => {
      facts.seen.push({ subject: event.subject, payload: event.payload as unknown as Record<string, unknown> });
    });
    return facts;
  }

  async next(subject: string, match: (payload: Record<string, unknown>) => boolean) {
    const find = () => this.seen.find((fact) => fact.subject === subject && match(fact.payload));
    await until(() => find() !== undefined);
    return find()?.payload ?? {};
  }
}

/**
 * The knowledge routes as a tenant calls them; `api()` and `tenant()` are read at call time, since
 * specs assign them in `beforeAll`.
 */
export function knowledgeCalls(api: () => RestApiHarness, tenant: () => TestTenant) {
  const as = (who: TestTenant) => (method: string, path: string, body?: unknown) =>
    api().call(method, `/api/v1${path}`, { bearer: who.key, body });
  const asTenant = (method: string, path: string, body?: unknown) => as(tenant())(method, path, body);
  return {
    as,
    asTenant,
    async createBase(fields: Record<string, unknown> = {}) {
      const res = await asTenant('POST', '/knowledge-bases', { name: 'FAQ', ...fields });
      expect(res.status).toBe(201);
      return res.body.data as { id: string } & Record<string, unknown>;
    },
    /** The base's detail once its indexing settled (ready or failed). */
    async ready(kbId: string) {
      let detail: Record<string, unknown> = {};
      await until(async () => {
        detail = (await asTenant('GET', `/knowledge-bases/${kbId}`)).body.data;
        return detail.indexing_status === 'ready' || detail.indexing_status === 'failed';
      });
      return detail;
    },
    /** `POST /documents` as multipart/form-data with the file in the field "file". */
    async upload(kbId: string, name: string, content: string | Uint8Array, who = tenant()) {
      const form = new FormData();
      form.append('file', new Blob([content]), name);
      const res = await fetch(`${api().baseUrl}/api/v1/knowledge-bases/${kbId}/documents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${who.key}` },
        body: form,
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read bodies loosely, like a client would
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    },
    search: (body: Record<string, unknown>) => asTenant('POST', '/knowledge/search', body),
  };
}
