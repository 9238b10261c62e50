import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EventMap, type EventSubject, eventSubjects } from '@parley/contracts';
import type { CallsClient } from '@parley/db-calls';
import { WebSocket } from 'ws';
import { CALLS_DB } from '../src/database/database.tokens';
import { callEvents } from './calls-fixtures';
import { readReference, section } from './reference-text';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/**
 * Runs the JavaScript and Python examples of reference 002 as the document prints them, read at
 * test time: only the host, the key and the call id change (its curl examples are replayed by
 * reference-examples.spec.ts).
 */
const doc = readReference('002_');
const fetchExample = section(doc, 'JavaScript (Fetch)', 'Python (Requests)');
const requestsExample = section(doc, 'Python (Requests)', 'cURL');
const liveExample = section(doc, 'Connect to the WebSocket URL with your API key or session token:', 'Message Types');

const execFileAsync = promisify(execFile);
/** The constructor of async functions: a body given as text may use top-level await. */
const AsyncFunction = (async () => undefined).constructor as new (...params: string[]) => (...args: unknown[]) => Promise<unknown>;

/** What a snippet printed with console.log / console.error, one array of arguments a call. */
class Printout {
  readonly lines: unknown[][] = [];
  readonly log = (...args: unknown[]) => this.lines.push(args);
  readonly error = (...args: unknown[]) => this.lines.push(['error', ...args]);

  async printed(first: string): Promise<unknown[]> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const line = this.lines.find((args) => args[0] === first);
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`"${first}" not printed within 5 s; printed: ${JSON.stringify(this.lines)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** Runs a JavaScript snippet as a module body would (top-level await), with these globals. */
function runJavaScript(code: string, globals: Record<string, unknown>): Promise<unknown> {
  return new AsyncFunction(...Object.keys(globals), code)(...Object.values(globals));
}

/** The first Python that has the `requests` package (the example imports it). */
async function pythonWithRequests(): Promise<string> {
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    try {
      await execFileAsync(python, ['-c', 'import requests']);
      return python;
    } catch {
      // not installed, or without requests: try the next
    }
  }
  throw new Error('no python3 with the requests package (bash tools/dev/prepare.sh --tests installs python3-requests)');
}

describe('reference 002 JavaScript and Python examples, run against rest-api', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let calls: CallsClient;
  let agentId: string;

  const withHostAndKey = (code: string) =>
    code.split('https://your-domain.com').join(api.baseUrl).split('va_your_api_key').join(tenant.key);

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant();
    calls = api.app.get(CALLS_DB);
    const agent = await api.call('POST', '/api/v1/agents', {
      bearer: tenant.key,
      body: { name: 'Front desk', system_prompt: 'Be brief.' },
    });
    agentId = agent.body.data.id;
  }, 120_000);

  afterAll(() => api?.close());

  it('JavaScript (Fetch) prints the agents', async () => {
    const terminal = new Printout();
    await runJavaScript(withHostAndKey(fetchExample), { fetch, console: terminal });
    expect(terminal.lines).toEqual([
      [{ success: true, data: [expect.objectContaining({ id: agentId, name: 'Front desk' })], meta: expect.any(Object) }],
    ]);
  });

  it('Python (Requests) prints the agents', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-example-'));
    try {
      const script = path.join(dir, 'example.py');
      await writeFile(script, withHostAndKey(requestsExample));
      const { stdout } = await execFileAsync(await pythonWithRequests(), [script], { timeout: 30_000 });
      // print(dict) writes Python's repr: single quotes, True.
      expect(stdout).toMatch(/^\{'success': True, 'data': \[\{'id': '/);
      expect(stdout).toContain(`'id': '${agentId}', 'name': 'Front desk'`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('the live transcript WebSocket', () => {
    const publish = <S extends EventSubject>(subject: S, payload: EventMap[S]) =>
      api.bus.publishEvent(subject, payload, { msgId: randomUUID() });

    // The document shows two ways to open the socket, one line each, then one message handler.
    const openings = liveExample.split('\n').filter((line) => line.startsWith('const ws = new WebSocket('));
    const handler = liveExample.slice(liveExample.indexOf('ws.on('));

    it('shows an opening with the API key and one with the session token', () => {
      expect(openings).toEqual([
        expect.stringContaining('?api_key=YOUR_API_KEY'),
        expect.stringContaining('?session_token=TEMP_TOKEN'),
      ]);
    });

    for (const auth of ['api_key', 'session_token']) {
      it(`prints the connection, each transcript line and the status (${auth})`, async () => {
        const call = callEvents({ orgId: tenant.orgId, agentId });
        await calls.call.create({ data: { id: call.callId, orgId: tenant.orgId, status: 'in_progress', startedAt: new Date() } });
        const live = await api.call('GET', `/api/v1/calls/${call.callId}/live`, { bearer: tenant.key });
        const opening = openings.find((line) => line.includes(`?${auth}=`)) ?? '';
        const code = `${opening}\n${handler}`
          .replace('ws://localhost:3008', api.baseUrl.replace('http', 'ws'))
          .replace('{call_id}', call.callId)
          .replace('YOUR_API_KEY', tenant.key)
          .replace('TEMP_TOKEN', live.body.data.temp_token);

        const terminal = new Printout();
        await runJavaScript(code, { WebSocket, console: terminal });
        await terminal.printed('Connected to live transcript stream');
        await publish(eventSubjects.transcriptAppended, call.line(0, 'user', 'Where is my order?'));
        expect(await terminal.printed('Transcript update:')).toEqual([
          'Transcript update:',
          expect.objectContaining({ seq: 0, role: 'user', text: 'Where is my order?' }),
        ]);
        await publish(eventSubjects.callEnded, call.ended('HANGUP'));
        expect(await terminal.printed('Call status:')).toEqual(['Call status:', 'completed']);
        expect(terminal.lines.filter(([first]) => first === 'error')).toEqual([]);
      });
    }
  });
});
