import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { signWebhook, webhookHeaders } from '../src/delivery/webhook-signature';

const EXAMPLE = path.resolve(__dirname, '../../../docs/examples/webhook-receiver.mjs');
const SECRET = 'whsec_example';

/** Starts the docs' receiver on a free port and resolves with its URL once it listens. */
interface Example {
  child: ChildProcess;
  url: string;
  /** Resolves once the receiver has printed `text` (its stdout reaches us after its answer may). */
  printed: (text: string) => Promise<void>;
}

function startExample(): Promise<Example> {
  const child = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, WEBHOOK_SECRET: SECRET, PORT: '0' } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`example exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}/`, printed: (text) => printed(child, () => output, text) });
    });
  });
}

function printed(child: ChildProcess, output: () => string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!output().includes(text)) return;
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    check();
  });
}

describe('the receiver example in docs/webhooks.md', () => {
  let example: Example;
  const body = JSON.stringify({ event_type: 'test', project_id: 'o1', timestamp: new Date().toISOString(), data: {} });

  beforeAll(async () => {
    example = await startExample();
  });

  afterAll(() => {
    example?.child.kill();
  });

  const post = (headers: Record<string, string>) => fetch(example.url, { method: 'POST', headers, body });

  it('accepts a delivery signed the way the webhooks service signs it', async () => {
    const headers = webhookHeaders({ secret: SECRET, body, eventId: 'evt_1', eventType: 'test', now: new Date() });
    expect((await post(headers)).status).toBe(204);
    await example.printed('"id":"evt_1"');
  });

  it('refuses another secret, a changed body and an old timestamp', async () => {
    const wrong = webhookHeaders({ secret: 'whsec_other', body, eventId: 'evt_2', eventType: 'test', now: new Date() });
    expect((await post(wrong)).status).toBe(401);

    const signedOther = webhookHeaders({ secret: SECRET, body: `${body} `, eventId: 'evt_3', eventType: 'test', now: new Date() });
    expect((await post(signedOther)).status).toBe(401);

    const old = Math.floor(Date.now() / 1000) - 3600;
    const replay = { 'x-webhook-timestamp': String(old), 'x-webhook-signature': signWebhook(SECRET, old, body), 'x-webhook-id': 'evt_4' };
    expect((await post(replay)).status).toBe(401);
  });
});
