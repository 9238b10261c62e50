import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { createPrismaClient, hashPassword, type IdentityClient } from '@parley/db-identity';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { generateApiKey } from '../src/auth/api-key-secret';
import { REST_API_SLICES } from './support/rest-api-slices';

const root = path.resolve(__dirname, '../../..');
const password = 'correct horse battery staple';

/** One request on a connection of its own, so Node's cluster hands it to the next worker. */
function fresh(port: number, method: string, urlPath: string, bearer?: string, body?: unknown) {
  return new Promise<{ status: number; body: { data?: Record<string, unknown> } }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { connection: 'close' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (payload) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('rest-api as a cluster (REST_API_WORKERS=2, main.ts as npm start runs it)', () => {
  let database: TestDatabase;
  let identity: IdentityClient;
  let child: ChildProcess;
  let port: number;
  const logs: { msg?: string; pid?: number }[] = [];
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const infra = await testInfra();
    database = await createTestDatabase(REST_API_SLICES);
    identity = createPrismaClient(database.url);
    port = await freePort();
    const namespace = uniqueNamespace('rest_cluster');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      NATS_URL: infra.natsUrl,
      BUS_NAMESPACE: namespace,
      REST_REDIS_PREFIX: `${namespace}:`,
      PORT: String(port),
      LOG_LEVEL: 'info',
      REST_API_WORKERS: '2',
    };
    delete env.SESSION_SECRET; // each worker would draw its own: the primary must share one
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/rest-api/src/main.ts'], { cwd: root, env });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) logs.push(JSON.parse(line));
    });
    await until('both workers listening', async () =>
      logs.filter((line) => line.msg === 'service started').length === 2 ? true : undefined,
    );
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await identity?.$disconnect();
    await database?.drop();
  });

  it('runs two workers, in processes of their own, behind one port', () => {
    const workers = new Set(logs.filter((line) => line.msg === 'service started').map((line) => line.pid));
    expect(workers.size).toBe(2);
    expect(workers.has(child.pid)).toBe(false);
  });

  it('accepts a session from any worker (one secret per boot for all), and a revoked key nowhere within a second', async () => {
    const org = await identity.organization.create({ data: { name: 'Cluster Org', plan: 'pro' } });
    const email = `${uniqueNamespace('cluster')}@example.com`;
    await identity.user.create({
      data: { email, passwordHash: await hashPassword(password), memberships: { create: { orgId: org.id, role: 'owner' } } },
    });
    const key = generateApiKey();
    const row = await identity.apiKey.create({
      data: { orgId: org.id, name: 'k', prefix: key.prefix, lastFour: key.lastFour, hash: key.hash },
    });

    const login = await fresh(port, 'POST', '/api/auth/login', undefined, { email, password });
    expect(login.status).toBe(200);
    const token = login.body.data?.token as string;
    const sessions = await Promise.all(Array.from({ length: 8 }, () => fresh(port, 'GET', '/api/auth/me', token)));
    expect(sessions.map((res) => res.status)).toEqual(Array(8).fill(200));
    // Every worker has the key cached before the revocation.
    const before = await Promise.all(Array.from({ length: 8 }, () => fresh(port, 'GET', '/api/v1/agents', key.raw)));
    expect(before.map((res) => res.status)).toEqual(Array(8).fill(200));

    const revoked = await fresh(port, 'DELETE', `/api/keys/${row.id}`, token);
    expect(revoked.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await Promise.all(Array.from({ length: 8 }, () => fresh(port, 'GET', '/api/v1/agents', key.raw)));
    expect(after.map((res) => res.status)).toEqual(Array(8).fill(401));
  }, 60_000);

  it('shows an agent created through one worker in the next page read from every worker, though each kept the page', async () => {
    const org = await identity.organization.create({ data: { name: 'Cluster Pages Org', plan: 'pro' } });
    const key = generateApiKey();
    await identity.apiKey.create({ data: { orgId: org.id, name: 'k', prefix: key.prefix, lastFour: key.lastFour, hash: key.hash } });
    const names = async () => {
      const pages = await Promise.all(Array.from({ length: 8 }, () => fresh(port, 'GET', '/api/v1/agents', key.raw)));
      return pages.map((res) => (res.body.data as unknown as { name: string }[]).map((agent) => agent.name).join());
    };
    expect(await names()).toEqual(Array(8).fill(''));

    const created = await fresh(port, 'POST', '/api/v1/agents', key.raw, { name: 'Seen everywhere', system_prompt: 'Hi.' });
    expect(created.status).toBe(201);
    expect(await names()).toEqual(Array(8).fill('Seen everywhere'));
  }, 60_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = logs.filter((line) => line.msg === 'service started').map((line) => line.pid as number);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    expect(logs.filter((line) => line.msg === 'service stopped')).toHaveLength(2);
  }, 30_000);
});
