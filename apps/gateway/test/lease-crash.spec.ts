import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Bus } from '@parley/bus';
import { createLogger } from '@parley/logging';
import { testInfra, uniqueNamespace, VoiceCallClient, VoiceUpgradeRefusedError } from '@parley/testing';
import { FakeBilling } from './support/fake-billing';
import { FakeIdentity } from './support/fake-identity';

const ROOT = path.resolve(__dirname, '../../..');
const LEASE_TTL_S = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A gateway exactly as in production, as a child process on its own port. */
async function startGateway(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('gateway exited early');
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return { child, url: `ws://127.0.0.1:${port}` };
    if (Date.now() > deadline) throw new Error('gateway not ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Accepted, or the status of the refusal. */
async function dial(url: string): Promise<VoiceCallClient | number> {
  try {
    return await VoiceCallClient.connect(url);
  } catch (err) {
    if (err instanceof VoiceUpgradeRefusedError) return err.status;
    throw err;
  }
}

describe('concurrent-call leases when a gateway is killed', () => {
  const children: ChildProcess[] = [];
  const calls: VoiceCallClient[] = [];
  let bus: Bus;
  let env: Record<string, string>;

  beforeAll(async () => {
    const infra = await testInfra();
    const namespace = uniqueNamespace('lease_crash');
    const logger = createLogger({ service: 'lease-crash-spec', level: 'silent' });
    bus = await Bus.connect({ url: infra.natsUrl, name: 'lease-crash-spec', namespace, logger });
    env = {
      NATS_URL: infra.natsUrl,
      REDIS_URL: infra.redisUrl,
      BUS_NAMESPACE: namespace,
      GATEWAY_REDIS_PREFIX: `${namespace}:`,
      GATEWAY_LEASE_TTL_S: String(LEASE_TTL_S),
      GATEWAY_VAD: 'energy',
      RECORDINGS_DIR: path.join(tmpdir(), namespace),
    };
  });

  afterAll(async () => {
    for (const call of calls) await call.close().catch(() => undefined);
    for (const child of children) child.kill('SIGKILL');
    await bus?.drain();
  });

  it('frees the slot of a call on a SIGKILLed gateway within the lease expiry', async () => {
    const identity = new FakeIdentity();
    const billing = new FakeBilling();
    identity.serve(bus);
    billing.serve(bus);
    const key = identity.addKey({ limit: 1 });
    billing.setBalance(key.orgId, 1_000);
    const [doomed, survivor] = await Promise.all([startGateway(env), startGateway(env)]);
    children.push(doomed.child, survivor.child);

    const first = await dial(`${doomed.url}/voice/${key.raw}`);
    expect(first).toBeInstanceOf(VoiceCallClient);
    calls.push(first as VoiceCallClient);
    // The limit is the organization's, across gateways.
    await expect(dial(`${survivor.url}/voice/${key.raw}`)).resolves.toBe(429);

    doomed.child.kill('SIGKILL');
    const killedAt = Date.now();
    let admitted: VoiceCallClient | number = 429;
    while (admitted === 429 && Date.now() - killedAt < (LEASE_TTL_S + 5) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      admitted = await dial(`${survivor.url}/voice/${key.raw}`);
    }

    expect(admitted).toBeInstanceOf(VoiceCallClient);
    calls.push(admitted as VoiceCallClient);
    // Renewed every third of the TTL, the lease outlives the kill by at most the TTL.
    expect(Date.now() - killedAt).toBeLessThan(LEASE_TTL_S * 1000 + 1_500);
  }, 180_000);
});
