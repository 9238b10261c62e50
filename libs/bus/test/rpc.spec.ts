import type { NatsConnection } from '@nats-io/nats-core';
import { type BalanceGetReply, rpcSubjects } from '@parley/contracts';
import { type Bus, BusError, SERVICE_ERROR, SERVICE_ERROR_CODE } from '../src';
import { collectingLogger, connectBus, connectRaw, sleep, uniqueNamespace } from './support/bus-fixture';

const balance = (orgId: string, points = 120): BalanceGetReply => ({ orgId, points, asOf: new Date().toISOString() });

async function rejection(promise: Promise<unknown>): Promise<BusError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof BusError)) throw new Error(`expected a BusError, got ${String(err)}`);
  return err;
}

describe('Bus request/reply', () => {
  const namespace = uniqueNamespace('rpc');
  const logger = collectingLogger();
  let client: Bus;
  let server: Bus;
  let raw: NatsConnection;

  beforeAll(async () => {
    [client, server, raw] = await Promise.all([connectBus(namespace), connectBus(namespace, logger), connectRaw()]);
  });

  afterAll(async () => {
    await Promise.all([client.drain(), server.drain(), raw.drain()]);
  });

  it('returns the typed reply of the serving handler', async () => {
    const sub = server.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => balance(orgId, 42));
    await server.ping();
    const reply = await client.request(rpcSubjects.billingBalanceGet, { orgId: 'org_1' }, { timeoutMs: 1_000 });
    expect(reply).toMatchObject({ orgId: 'org_1', points: 42 });
    await sub.drain();
  });

  it('fails fast with NO_RESPONDERS when no service answers', async () => {
    const started = performance.now();
    const err = await rejection(client.request(rpcSubjects.sttSessionClose, { callId: 'c1' }, { timeoutMs: 5_000 }));
    expect(err).toMatchObject({ code: 'NO_RESPONDERS', retryable: true });
    expect(err.message).toContain(rpcSubjects.sttSessionClose);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('fails with REQUEST_TIMEOUT when the service answers too late', async () => {
    const sub = server.serve(rpcSubjects.billingBalanceGet, async ({ orgId }) => {
      await sleep(300);
      return balance(orgId);
    });
    await server.ping();
    const err = await rejection(client.request(rpcSubjects.billingBalanceGet, { orgId: 'o' }, { timeoutMs: 50 }));
    expect(err).toMatchObject({ code: 'REQUEST_TIMEOUT', category: 'timeout', retryable: true });
    await sub.drain();
  });

  it('carries a deliberate refusal to the caller as its error code, in nats service error headers', async () => {
    const sub = server.serve(rpcSubjects.identityKeyResolve, () => {
      throw new BusError('KEY_NOT_FOUND', 'no key with this hash');
    });
    await server.ping();
    const err = await rejection(
      client.request(rpcSubjects.identityKeyResolve, { keyHash: 'b'.repeat(64) }, { timeoutMs: 1_000 }),
    );
    expect(err).toMatchObject({
      code: 'KEY_NOT_FOUND',
      category: 'auth',
      retryable: false,
      message: 'no key with this hash',
    });

    const msg = await raw.request(
      `${namespace}.${rpcSubjects.identityKeyResolve}`,
      JSON.stringify({ keyHash: 'b'.repeat(64) }),
    );
    expect(msg.headers?.get(SERVICE_ERROR_CODE)).toBe('401');
    expect(msg.headers?.get(SERVICE_ERROR)).toBe('no key with this hash');
    await sub.drain();
  });

  it('hides an unexpected handler failure behind INTERNAL_ERROR and logs it', async () => {
    const sub = server.serve(rpcSubjects.billingBalanceGet, () => {
      throw new Error('database password is hunter2');
    });
    await server.ping();
    const err = await rejection(client.request(rpcSubjects.billingBalanceGet, { orgId: 'o' }, { timeoutMs: 1_000 }));
    expect(err).toMatchObject({ code: 'INTERNAL_ERROR', retryable: true });
    expect(err.message).not.toContain('hunter2');
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'rpc handler failed' }));
    await sub.drain();
  });

  it('answers INVALID_REQUEST to a request that breaks the contract, without calling the handler', async () => {
    let called = false;
    const sub = server.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => {
      called = true;
      return balance(orgId);
    });
    await server.ping();
    const msg = await raw.request(`${namespace}.${rpcSubjects.billingBalanceGet}`, JSON.stringify({ org: 1 }));
    expect(msg.headers?.get(SERVICE_ERROR_CODE)).toBe('400');
    expect(msg.json()).toMatchObject({ code: 'INVALID_REQUEST', retryable: false });
    expect(called).toBe(false);
    await sub.drain();
  });

  it('refuses a reply that breaks the contract on both sides', async () => {
    const sub = server.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => ({ ...balance(orgId), points: 0.5 }));
    await server.ping();
    const err = await rejection(client.request(rpcSubjects.billingBalanceGet, { orgId: 'o' }, { timeoutMs: 1_000 }));
    expect(err.code).toBe('INTERNAL_ERROR');
    expect(logger.entries).toContainEqual(expect.objectContaining({ message: 'rpc reply breaks its contract' }));
    await sub.drain();
  });

  it('refuses to send a request that breaks the contract', async () => {
    const err = await rejection(client.request(rpcSubjects.billingBalanceGet, { orgId: '' }, { timeoutMs: 1_000 }));
    expect(err.code).toBe('INVALID_REQUEST');
    // @ts-expect-error each RPC subject takes its own request type
    const wrong = client.request(rpcSubjects.billingBalanceGet, { keyHash: 'a'.repeat(64) }, { timeoutMs: 1_000 });
    expect((await rejection(wrong)).code).toBe('INVALID_REQUEST');
  });

  it('spreads requests across the instances of one queue group', async () => {
    const second = await connectBus(namespace);
    const served = { first: 0, second: 0 };
    const subs = [
      server.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => (served.first++, balance(orgId))),
      second.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => (served.second++, balance(orgId))),
    ];
    await Promise.all([server.ping(), second.ping()]);
    for (let i = 0; i < 40; i++) {
      await client.request(rpcSubjects.billingBalanceGet, { orgId: `o${i}` }, { timeoutMs: 1_000 });
    }
    expect(served.first + served.second).toBe(40);
    expect(served.first).toBeGreaterThan(0);
    expect(served.second).toBeGreaterThan(0);
    await Promise.all(subs.map((sub) => sub.drain()));
    await second.drain();
  });
});
