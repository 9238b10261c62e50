import { createLogger } from '@parley/logging';
import { ToolReceiver } from '../../test/support/tool-receiver';
import { HttpToolCaller, type HttpToolOptions } from './http-tool-caller';
import { signToolRequest, TOOL_HEADERS } from './tool-signature';

const SECRET = 'tool-secret-for-specs-0123456789';
const log = createLogger({ service: 'llm-worker-spec', level: 'silent' });

describe('HttpToolCaller against a local receiver', () => {
  let receiver: ToolReceiver;

  beforeAll(async () => (receiver = await ToolReceiver.start()));
  afterAll(() => receiver.close());

  function caller(overrides: Partial<HttpToolOptions> = {}): HttpToolCaller {
    return new HttpToolCaller(
      { signingSecret: SECRET, allowedHosts: ['127.0.0.1'], defaultTimeoutMs: 2_000, maxResponseBytes: 65_536, ...overrides },
      log,
    );
  }

  function call(target: HttpToolCaller, tool: { url?: string; timeoutMs?: number } = {}) {
    const url = tool.url ?? receiver.url('/orders?v=1');
    const definition = { name: 'lookup_order', description: 'Find an order', parameters: {}, url, timeoutMs: tool.timeoutMs };
    return target.call({
      tool: definition,
      arguments: { order_id: 'A-17' },
      callId: 'call_1',
      agentId: 'agent_1',
      signal: new AbortController().signal,
    });
  }

  it('POSTs the call as signed JSON and returns the answer to the model', async () => {
    receiver.respond(() => ({ body: '{"status":"shipped","eta":"Tuesday"}' }));
    await expect(call(caller())).resolves.toBe('{"status":"shipped","eta":"Tuesday"}');
    const request = receiver.received.at(-1)!;
    expect(JSON.parse(request.body)).toEqual({ tool: 'lookup_order', arguments: { order_id: 'A-17' }, call_id: 'call_1', agent_id: 'agent_1' });
    const timestamp = Number(request.headers[TOOL_HEADERS.timestamp]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(request.headers[TOOL_HEADERS.signature]).toBe(signToolRequest(SECRET, timestamp, request.body));
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('gives up at the tool’s timeout with a short result, not an exception', async () => {
    receiver.respond(() => ({ body: 'late', delayMs: 3_000 }));
    const startedAt = Date.now();
    await expect(call(caller(), { timeoutMs: 300 })).resolves.toBe('The tool lookup_order failed: no answer within 300 ms.');
    expect(Date.now() - startedAt).toBeLessThan(2_500);
  });

  it('reports an error status, and cuts an answer longer than the limit', async () => {
    receiver.respond(() => ({ status: 503, body: 'down' }));
    await expect(call(caller())).resolves.toBe('The tool lookup_order failed (HTTP 503).');
    receiver.respond(() => ({ body: 'x'.repeat(5_000), contentType: 'text/plain' }));
    await expect(call(caller({ maxResponseBytes: 1_000 }))).resolves.toBe('x'.repeat(1_000));
  });

  it('refuses plain http and private addresses of hosts not allowed by config, without sending', async () => {
    const before = receiver.received.length;
    await expect(call(caller({ allowedHosts: [] }))).resolves.toBe('The tool lookup_order failed: only https URLs may be called (http: given).');
    await expect(call(caller({ allowedHosts: [] }), { url: 'https://127.0.0.1:1/x' })).resolves.toBe(
      'The tool lookup_order failed: the host resolves to a non-public address.',
    );
    expect(receiver.received.length).toBe(before);
  });

  it('does not call a tool when no signing secret is configured', async () => {
    const before = receiver.received.length;
    await expect(call(caller({ signingSecret: undefined }))).resolves.toContain('not available');
    expect(receiver.received.length).toBe(before);
  });

  it('says the receiver cannot be reached when nothing listens', async () => {
    await expect(call(caller(), { url: 'http://127.0.0.1:1/x' })).resolves.toBe('The tool lookup_order failed: the receiver could not be reached.');
  });
});
