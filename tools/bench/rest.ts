/**
 * Throughput and latency of authenticated REST reads, run by hand:
 *   node -r @swc-node/register tools/bench/rest.ts [--duration-s 10] [--connections 50]
 * Boots its own rest-api (a child process, on a free port, in its own bus namespace, against
 * DATABASE_URL) unless `--url http://HOST:PORT` names a running one, seeds an enterprise
 * organization with agents, calls and fresh keys (support/rest-bench-tenant.ts), then drives
 * `GET /api/v1/agents` and `GET /api/v1/calls?limit=50` with autocannon as fast as the server
 * answers (so the p99 is a saturated server's). Requests rotate over the keys, so the per-key
 * rate limiter runs on every request yet never refuses one. Meanwhile transcript lines are
 * appended to the organization's calls through the bus, as its live calls would (each changes
 * the calls list, so its kept pages go stale and are read again). Besides req/s and latency it
 * prints the CPU time per request of the server (all its processes) and of the load generator:
 * on a shared machine that figure is the stable one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { slice as agentsSlice } from '@parley/db-agents';
import { slice as callsSlice } from '@parley/db-calls';
import { slice as identitySlice } from '@parley/db-identity';
import { slice as knowledgeSlice } from '@parley/db-knowledge';
import { migrateAll } from '@parley/db-migrate';
import { autocannon, type AutocannonRequest, type AutocannonResult } from './support/autocannon';
import { parseBenchArgs } from './support/bench-args';
import { DATABASE_URL } from './support/infra-urls';
import { seedRestBenchTenant } from './support/rest-bench-tenant';
import { appendLiveLines } from './support/rest-live-lines';
import { processTreeCpuSeconds } from './support/rest-process-tree';
import { fmt, printTable, verdict } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/rest.ts [options]
  --url URL           a running rest-api, e.g. http://127.0.0.1:3000 (default: boot one)
  --duration-s N      seconds per endpoint, after a 3 s warm-up (default 10)
  --connections N     concurrent connections (default 50)
  --lines-per-s N     transcript lines appended to the bench organization's calls each second
                      while measuring, through the bus (default 20; 0: none). With --url they go
                      to the bus namespace BUS_NAMESPACE names (default: none, as npm start)
  --json              print the figures as one JSON document instead of a table
  --help              this text
Environment: REST_BENCH_CPU_PROF=DIR writes a V8 CPU profile of the booted rest-api (each of its
processes) into DIR when it stops; run it with REST_API_WORKERS=1 for one profile.`;

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
  /** Share of one core the rest-api processes used (booted mode only). */
  readonly serverCpuPercent: number;
  /** CPU time of the rest-api processes per request served, in µs (booted mode only). */
  readonly serverCpuUsPerRequest: number;
  /** CPU time of this process (autocannon, the load generator) per request, in µs. */
  readonly benchCpuUsPerRequest: number;
}

/** CPU seconds of the server (NaN with --url) and of this process over one measured run. */
interface CpuSpent {
  readonly serverSeconds: number;
  readonly benchSeconds: number;
  readonly wallSeconds: number;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    'duration-s': { type: 'string' },
    connections: { type: 'string' },
    'lines-per-s': { type: 'string' },
  });
  const durationS = args.int('duration-s', 10);
  const connections = args.int('connections', 50);
  const linesPerSecond = args.int('lines-per-s', 20, 0);
  const seconds = ENDPOINTS.length * (durationS + WARMUP_S) + 60; // one window of slack
  const keyCount = Math.ceil((ASSUMED_MAX_RPS * seconds) / KEY_BUDGET_PER_MINUTE / Math.max(1, seconds / 60));

  if (!args.url) await migrateAll(DATABASE_URL, [identitySlice, agentsSlice, callsSlice, knowledgeSlice]);
  const tenant = await seedRestBenchTenant(DATABASE_URL, keyCount);
  const namespace = args.url ? process.env.BUS_NAMESPACE : `rest_bench_${randomBytes(3).toString('hex')}`;
  const server = args.url ? undefined : await bootRestApi(namespace ?? '');
  const baseUrl = args.url ?? server?.url ?? '';
  const lines = await appendLiveLines(namespace, tenant, linesPerSecond);
  const linesStarted = performance.now();
  try {
    const results: EndpointResult[] = [];
    for (const endpoint of ENDPOINTS) {
      const requests = requestPerKey(endpoint.path, tenant.keys);
      await drive(baseUrl, requests, WARMUP_S, connections);
      const serverBefore = server ? processTreeCpuSeconds(server.pid) : Number.NaN;
      const benchBefore = process.cpuUsage();
      const started = performance.now();
      const run = await drive(baseUrl, requests, durationS, connections);
      const bench = process.cpuUsage(benchBefore);
      const spent: CpuSpent = {
        serverSeconds: server ? processTreeCpuSeconds(server.pid) - serverBefore : Number.NaN,
        benchSeconds: (bench.user + bench.system) / 1e6,
        wallSeconds: (performance.now() - started) / 1000,
      };
      results.push(summarize(endpoint.name, run, spent));
    }
    const linesSent = await lines.stop();
    const liveLinesPerSecond = linesSent / ((performance.now() - linesStarted) / 1000);
    const info = { json: args.json, durationS, connections, keys: tenant.keys.length, baseUrl, booted: !!server };
    report(results, { ...info, liveLinesPerSecond });
  } finally {
    await lines.stop();
    server?.stop();
  }
}

/**
 * One request per key, built once: autocannon sends them in turn on every connection, so each
 * key stays far below its per-minute limit, and no request is rebuilt per send (a `setupRequest`
 * would, costing the load generator more CPU than a lean server spends on the request).
 */
function requestPerKey(urlPath: string, keys: readonly string[]): AutocannonRequest[] {
  return keys.map((key) => ({ method: 'GET', path: urlPath, headers: { authorization: `Bearer ${key}` } }));
}

function drive(baseUrl: string, requests: AutocannonRequest[], seconds: number, connections: number) {
  return autocannon({ url: baseUrl, connections, duration: seconds, requests });
}

function summarize(endpoint: string, run: AutocannonResult, spent: CpuSpent): EndpointResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(run.statusCodeStats ?? {})) statusCodes[code] = count;
  const served = Math.max(1, run.requests.total);
  return {
    endpoint,
    requestsPerSecond: run.requests.average,
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    non2xx: run.non2xx,
    errors: run.errors + run.timeouts,
    statusCodes,
    serverCpuPercent: (spent.serverSeconds / spent.wallSeconds) * 100,
    serverCpuUsPerRequest: (spent.serverSeconds * 1e6) / served,
    benchCpuUsPerRequest: (spent.benchSeconds * 1e6) / served,
  };
}

interface RunInfo {
  readonly json: boolean;
  readonly durationS: number;
  readonly connections: number;
  readonly keys: number;
  readonly baseUrl: string;
  readonly booted: boolean;
  /** Transcript lines appended to the organization's calls per second while measuring. */
  readonly liveLinesPerSecond: number;
}

function report(results: readonly EndpointResult[], info: RunInfo): void {
  if (info.json) {
    console.log(JSON.stringify({ ...info, target: TARGET, results }, null, 2));
    return;
  }
  const where = info.booted ? `a rest-api booted by the bench at ${info.baseUrl}` : info.baseUrl;
  console.log(`\n${where}: ${info.connections} connections, ${info.durationS} s per run, ${info.keys} keys`);
  console.log(`live writes: ${fmt(info.liveLinesPerSecond, 1)} transcript lines a second appended to the organization's calls\n`);
  printTable(
    ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'server CPU %', 'server µs/req', 'bench µs/req', 'req/s ≥ 3000', 'p99 ≤ 25 ms'],
    results.map((r) => [
      r.endpoint,
      fmt(r.requestsPerSecond),
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      String(r.non2xx),
      String(r.errors),
      fmt(r.serverCpuPercent),
      fmt(r.serverCpuUsPerRequest),
      fmt(r.benchCpuUsPerRequest),
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
async function bootRestApi(namespace: string): Promise<BootedServer> {
  const port = await freePort();
  const profileDir = process.env.REST_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'apps/rest-api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BUS_NAMESPACE: namespace,
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
