import { randomUUID } from 'node:crypto';
import { BusError } from '@parley/bus';
import { type EventMap, type EventSubject, eventSubjects, rpcSubjects } from '@parley/contracts';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { RouteCatalog, type RouteDoc } from '../src/http/openapi/route-catalog';
import { callEvents, watchProjection } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/**
 * Organization B tries every route that takes a resource id, found in the router itself (the
 * OpenAPI catalog), on organization A's resources: always 404 NOT_FOUND, never 403, never A's
 * data. A route this spec has no id or body for fails the first test, so a new one cannot be
 * forgotten.
 */

/** Where the services answer an RPC, a stand-in that tells the organizations apart. */
const REMOTE_ROUTE_RPCS = [
  rpcSubjects.dialerTaskGet,
  rpcSubjects.dialerTaskUpdate,
  rpcSubjects.dialerTaskDelete,
  rpcSubjects.dialerTaskExecute,
  rpcSubjects.dialerTaskReset,
  rpcSubjects.dialerSipTrunkUpdate,
  rpcSubjects.dialerSipTrunkDelete,
  rpcSubjects.dialerSipConfigUpdate,
  rpcSubjects.dialerSipConfigDelete,
  rpcSubjects.webhookGet,
  rpcSubjects.webhookUpdate,
  rpcSubjects.webhookDelete,
  rpcSubjects.webhookRotateSecret,
  rpcSubjects.webhookDeliveriesList,
  rpcSubjects.webhookRedeliver,
] as const;

/** A valid body for each route that takes one: validation must not answer before ownership does. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/agents/{id}': { name: 'Taken over' },
  'PATCH /api/agents/{id}': { name: 'Taken over' },
  'POST /api/v1/calls/{id}/participants/{identity}/mute': { muted: true },
  'POST /api/v1/calls/{id}/send-data': { data: 'hello' },
  'PATCH /api/v1/tasks/{id}': { name: 'Taken over' },
  'PATCH /api/v1/webhooks/{id}': { events: ['session.started'] },
  'PATCH /api/v1/sip/trunks/{id}': { name: 'Taken over' },
  'PATCH /api/v1/sip/configs/{id}': { name: 'Taken over' },
  'PUT /api/v1/knowledge-bases/{kbId}/chunks/{chunkId}': { content: 'Taken over' },
  'POST /api/v1/knowledge-bases/{kbId}/ingest': { content: 'Taken over' },
};

interface OrgA {
  readonly tenant: TestTenant;
  readonly agentId: string;
  readonly callId: string;
  readonly recordingId: string;
  /** Text only A's resources hold: it must never appear in an answer to B. */
  readonly secrets: readonly string[];
}

describe('tenant isolation: organization B on every id-taking route of organization A', () => {
  let api: RestApiHarness;
  let a: OrgA;
  let b: TestTenant;
  /** Ids of resources held by other services, per resource path (the services are stand-ins). */
  const remoteIds: Record<string, string> = {
    tasks: randomUUID(),
    webhooks: randomUUID(),
    'sip/trunks': randomUUID(),
    'sip/configs': randomUUID(),
    'knowledge-bases': randomUUID(),
  };
  const remoteRequests: { subject: string; orgId: unknown }[] = [];

  beforeAll(async () => {
    api = await startRestApi();
    const tenantA = await api.createTenant('pro');
    b = await api.createTenant('pro');
    for (const subject of REMOTE_ROUTE_RPCS) {
      api.bus.serve(subject, (request) => {
        const orgId = (request as { orgId?: unknown }).orgId;
        remoteRequests.push({ subject, orgId });
        // Org A's request would reach A's record: a 500 here, so the spec fails loudly.
        if (orgId === tenantA.orgId) throw new BusError('INTERNAL_ERROR', "reached organization A's record");
        throw new BusError('NOT_FOUND', 'no such record in the organization');
      });
    }
    a = await seedOrgA(api, tenantA);
  }, 120_000);

  afterAll(() => api?.close());

  const idRoutes = () =>
    api.app
      .get(RouteCatalog)
      .all()
      .filter((route) => route.auth !== 'none' && route.path.includes('{'));

  /** The path with A's ids in it, or undefined when this spec does not know the route's resource. */
  function pathFor(route: RouteDoc): string | undefined {
    const resource = /^\/api(?:\/v1)?\/((?:sip\/)?[a-z-]+)\//.exec(route.path)?.[1];
    const local: Record<string, string> = { agents: a.agentId, calls: a.callId, recordings: a.recordingId, keys: a.tenant.keyId };
    const id = resource ? (local[resource] ?? remoteIds[resource]) : undefined;
    const params: Record<string, string | undefined> = {
      id,
      kbId: remoteIds['knowledge-bases'],
      chunkId: randomUUID(),
      deliveryId: randomUUID(),
      identity: 'caller',
    };
    let missing = false;
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (!value) missing = true;
      return value ?? '';
    });
    return missing ? undefined : path;
  }

  const routeKey = (route: RouteDoc) => `${route.method} ${route.path}`;
  const credentialOf = (route: RouteDoc, tenant: TestTenant) => (route.auth === 'session' ? tenant.token : tenant.key);

  it('knows every route that takes an id: an id for each parameter, a valid body where one is read', () => {
    const routes = idRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const uncovered = routes
      .filter((route) => !pathFor(route) || (route.spec.body && !(routeKey(route) in BODIES)))
      .map(routeKey);
    expect(uncovered).toEqual([]);
  });

  it("answers 404 NOT_FOUND to organization B on every one of them, with none of A's data", async () => {
    const answers: { route: string; status: number; code?: string; leaked: string[] }[] = [];
    for (const route of idRoutes()) {
      const path = pathFor(route);
      if (!path) continue; // reported by the test above
      const res = await api.call(route.method, path, { bearer: credentialOf(route, b), body: BODIES[routeKey(route)] });
      const text = JSON.stringify(res.body ?? '');
      answers.push({
        route: routeKey(route),
        status: res.status,
        code: (res.body as { code?: string } | undefined)?.code,
        leaked: a.secrets.filter((secret) => text.includes(secret)),
      });
    }
    const wrong = answers.filter((answer) => answer.status !== 404 || answer.code !== 'NOT_FOUND' || answer.leaked.length > 0);
    expect(wrong).toEqual([]);
    // The stand-ins only ever heard organization B.
    expect(remoteRequests.length).toBeGreaterThan(0);
    expect(remoteRequests.filter((request) => request.orgId !== b.orgId)).toEqual([]);
  }, 120_000);

  it("still serves organization A its own resources (the ids above are real)", async () => {
    for (const path of [`/api/v1/agents/${a.agentId}`, `/api/v1/calls/${a.callId}`, `/api/v1/recordings/${a.recordingId}`]) {
      const res = await api.call('GET', path, { bearer: a.tenant.key });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });

  it('leaves organization A untouched after all of B’s writes', async () => {
    const agent = await api.call('GET', `/api/v1/agents/${a.agentId}`, { bearer: a.tenant.key });
    expect(agent.body.data.name).toBe('Org A agent');
    const key = await api.identity.apiKey.findUniqueOrThrow({ where: { id: a.tenant.keyId } });
    expect(key.status).toBe('active');
  });
});

/** Org A's agent, a finished call with transcript and recording, and what only A may read. */
async function seedOrgA(api: RestApiHarness, tenant: TestTenant): Promise<OrgA> {
  const secretPrompt = `Only organization A knows ${randomUUID()}`;
  const created = await api.call('POST', '/api/v1/agents', {
    bearer: tenant.key,
    body: { name: 'Org A agent', system_prompt: secretPrompt },
  });
  expect(created.status).toBe(201);
  const agentId = created.body.data.id as string;

  const probe = watchProjection(api.app.get(CallEventsConsumer));
  const call = callEvents({ orgId: tenant.orgId, agentId });
  const secretLine = `My account number is ${randomUUID()}`;
  let published = 0;
  const publish = async <S extends EventSubject>(subject: S, payload: EventMap[S]) => {
    await api.bus.publishEvent(subject, payload, { msgId: randomUUID() });
    published++;
  };
  await publish(eventSubjects.callStarted, call.started({ to: '+15550001111' }));
  await publish(eventSubjects.transcriptAppended, call.line(0, 'user', secretLine));
  await publish(eventSubjects.recordingStarted, call.recordingStarted());
  await publish(eventSubjects.recordingStopped, call.recordingStopped(32_000));
  await publish(eventSubjects.callEnded, call.ended('HANGUP'));
  await probe.handled(published);
  return {
    tenant,
    agentId,
    callId: call.callId,
    recordingId: call.recordingId,
    secrets: [secretPrompt, secretLine, tenant.orgId, '+15550001111'],
  };
}
