/**
 * Throughput and latency of authenticated REST reads, run by hand:
 *   node -r @swc-node/register tools/bench/rest.ts [--duration-s 10] [--connections 50]
 * Boots its own rest-api (a child process, on a free port, in its own bus namespace, against
 * DATABASE_URL) unless `--url http://HOST:PORT` names a running one, seeds an enterprise
 * organization with agents, calls and fresh keys (support/rest-bench-tenant.ts), then drives
 * `GET /api/v1/agents` and `GET /api/v1/calls?limit=50` with autocannon. Requests rotate over
 * the keys, so the per-key rate limiter runs on every request yet never refuses one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { slice as agentsSlice } from '@parley/db-agents';
import { slice as callsSlice } from '@parley/db-calls';
import { slice as identitySlice } from '@parley/db-identity';
import { migrateAll } from '@parley/db-migrate';
import { autocannon, type AutocannonResult } from './support/autocannon';
import { parseBenchArgs } from './support/bench-args';
import { DATABASE_URL } from './support/infra-urls';
import { readProcess } from './support/platform-processes';
import { seedRestBenchTenant } from './support/rest-bench-tenant';
import { fmt, printTable, verdict } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/rest.ts [options]
  --url URL           a running rest-api, e.g. http://127.0.0.1:3000 (default: boot one)
  --duration-s N      seconds per endpoint, after a 3 s warm-up (default 10)
  --connections N     concurrent connections (default 50)
  --json              print the figures as one JSON document instead of a table
  --help              this text`;

const TARGET = { requestsPerSecond: 3_000, p99Ms: 25 };
const WARMUP_S = 3;
/** Per key and minute on the enterprise plan; the bench keeps every key well under it. */
const KEY_BUDGET_PER_MINUTE = 1_000;
/** Generous, so a slow run still never meets the limit: 6,000 req/s for the whole run. */
const ASSUMED_MAX_RPS = 6_000;
const ENDPOINTS = [
  { name: 'GET /api/v1/agents', path: '/api/v1/agents' },
  { name: 'GET /api/v1/calls?limit=50', path: '/api/v1/calls?limit=50' },
] as const;
const root = path.resolve(__dirname, '../..');

interface EndpointResult {
  readonly endpoint: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Record<string, number>;
  /** Share of one core the rest-api process used (booted mode only). */
  readonly serverCpuPercent: number;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    'duration-s': { type: 'string' },
    connections: { type: 'string' },
  });
  const durationS = args.int('duration-s', 10);
  const connections = args.int('connections', 50);
  const seconds = ENDPOINTS.length * (durationS + WARMUP_S) + 60; // one window of slack
  const keyCount = Math.ceil((ASSUMED_MAX_RPS * seconds) / KEY_BUDGET_PER_MINUTE / Math.max(1, seconds / 60));

  if (!args.url) await migrateAll(DATABASE_URL, [identitySlice, agentsSlice, callsSlice]);
  const tenant = await seedRestBenchTenant(DATABASE_URL, keyCount);
  const server = args.url ? undefined : await bootRestApi();
  const baseUrl = args.url ?? server?.url ?? '';
  try {
    const results: EndpointResult[] = [];
    for (const endpoint of ENDPOINTS) {
      const authorized = rotatingKeys(tenant.keys);
      await drive(baseUrl, endpoint.path, authorized, WARMUP_S, connections);
      const before = server ? readProcess(server.pid)?.cpuSeconds : undefined;
      const started = performance.now();
      const run = await drive(baseUrl, endpoint.path, authorized, durationS, connections);
      const cpuSeconds = server ? (readProcess(server.pid)?.cpuSeconds ?? Number.NaN) - (before ?? Number.NaN) : NaN;
      const cpu = (cpuSeconds / ((performance.now() - started) / 1000)) * 100;
      results.push(summarize(endpoint.name, run, cpu));
    }
    report(results, { json: args.json, durationS, connections, keys: tenant.keys.length, baseUrl, booted: !!server });
  } finally {
    server?.stop();
  }
}

/** Each request takes the next key, so every key stays far below its per-minute limit. */
function rotatingKeys(keys: readonly string[]): () => string {
  let next = 0;
  return () => `Bearer ${keys[next++ % keys.length]}`;
}

function drive(baseUrl: string, urlPath: string, authorization: () => string, seconds: number, connections: number) {
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path: urlPath,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: authorization() } }),
      },
    ],
  });
}

function summarize(endpoint: string, run: AutocannonResult, serverCpuPercent: number): EndpointResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(run.statusCodeStats ?? {})) statusCodes[code] = count;
  return {
    endpoint,
    requestsPerSecond: run.requests.average,
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    non2xx: run.non2xx,
    errors: run.errors + run.timeouts,
    statusCodes,
    serverCpuPercent,
  };
}

interface RunInfo {
  readonly json: boolean;
  readonly durationS: number;
  readonly connections: number;
  readonly keys: number;
  readonly baseUrl: string;
  readonly booted: boolean;
}

function report(results: readonly EndpointResult[], info: RunInfo): void {
  if (info.json) {
    console.log(JSON.stringify({ ...info, target: TARGET, results }, null, 2));
    return;
  }
  const where = info.booted ? `a rest-api booted by the bench at ${info.baseUrl}` : info.baseUrl;
  console.log(`\n${where}: ${info.connections} connections, ${info.durationS} s per endpoint, ${info.keys} keys\n`);
  printTable(
    ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'server CPU %', 'req/s ≥ 3000', 'p99 ≤ 25 ms'],
    results.map((r) => [
      r.endpoint,
      fmt(r.requestsPerSecond),
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      String(r.non2xx),
      String(r.errors),
      fmt(r.serverCpuPercent),
      verdict(-r.requestsPerSecond, -TARGET.requestsPerSecond),
      verdict(r.p99Ms, TARGET.p99Ms),
    ]),
  );
  for (const r of results.filter((result) => result.non2xx > 0)) {
    console.log(`\n${r.endpoint}: status codes ${JSON.stringify(r.statusCodes)} — the figures are not valid`);
  }
}

interface BootedServer {
  readonly url: string;
  readonly pid: number;
  stop(): void;
}

/** rest-api as `npm start` runs it, on a free port and its own bus namespace, quiet logs. */
async function bootRestApi(): Promise<BootedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/rest-api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BUS_NAMESPACE: `rest_bench_${randomBytes(3).toString('hex')}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${url}/readyz`);
  return { url, pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilReady(child: ChildProcess, readyUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rest-api exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(readyUrl).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('rest-api was not ready within 60 s');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
