// `npm start`: the whole platform on this machine. Checks Node and the infrastructure, prepares the
// database (Prisma clients, migrations, demo data), runs the eight services as child processes with
// their output prefixed, waits until every /readyz answers 200 and prints where to connect.
// Ctrl-C (or SIGTERM) drains every service and exits 0. `--only gateway,rest-api` runs a subset;
// `--raw` shows the services' JSON logs unchanged.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { demoBanner, readEnvFile, restApiAnswers } from './lib/demo-banner.mjs';
import { makePaint, prefixOutput } from './lib/log-lines.mjs';
import { nodeVersionProblem } from './lib/node-version.mjs';
import { ensurePrismaClients } from './lib/prisma-clients.mjs';
import { waitUntilReady } from './lib/readiness.mjs';
import { NAME_WIDTH, SERVICES, selectServices } from './lib/services.mjs';
import { describeExit, Supervisor } from './lib/supervisor.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
// The services drain within SHUTDOWN_TIMEOUT_MS; a little more lets them log and exit. As in the
// services' own config, an empty variable counts as unset.
const STOP_GRACE_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000) + 5_000;
const paint = makePaint(process.stdout.isTTY && !process.env.NO_COLOR);

class StartError extends Error {}

function say(text) {
  console.log(paint(1, 'parley'.padEnd(NAME_WIDTH)) + ' │ ' + text);
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new StartError(`${what} failed: ${command} ${args.join(' ')}`);
}

function portAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true)).once('timeout', () => done(false)).once('error', () => done(false));
  });
}

async function infraDown() {
  const targets = [
    ['PostgreSQL', process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/parley', 5432],
    ['Redis', process.env.REDIS_URL || 'redis://127.0.0.1:6379', 6379],
    ['NATS', process.env.NATS_URL || 'nats://127.0.0.1:4222', 4222],
  ];
  const answers = await Promise.all(
    targets.map(async ([name, url, defaultPort]) => {
      const { hostname, port } = new URL(url);
      return (await portAnswers(hostname, Number(port || defaultPort))) ? undefined : `${name} (${hostname}:${port || defaultPort})`;
    }),
  );
  return answers.filter(Boolean);
}

async function ensureInfra() {
  const down = await infraDown();
  if (down.length === 0) return;
  say(`${down.join(', ')} not answering: running tools/dev/infra.sh`);
  const result = spawnSync('bash', ['tools/dev/infra.sh'], { cwd: root, stdio: 'inherit' });
  const still = await infraDown();
  if (result.status !== 0 || still.length > 0) {
    throw new StartError(`${(still.length ? still : down).join(', ')} not running. Start it with: sudo bash tools/dev/infra.sh`);
  }
}

async function ensurePortsFree(services) {
  const busy = [];
  for (const { name, port } of services) if (await portAnswers('127.0.0.1', port)) busy.push(`${name} :${port}`);
  if (busy.length > 0) {
    throw new StartError(`ports already in use (${busy.join(', ')}): is another Parley still running? Stop it first.`);
  }
}

function prepareDatabase() {
  ensurePrismaClients();
  say('migrating the database (npm run db:migrate)');
  run('npm', ['run', '--silent', 'db:migrate'], 'migrations');
  say('writing demo data (npm run seed)');
  run('npm', ['run', '--silent', 'seed'], 'seed');
}

function startServices(services, raw) {
  const supervisor = new Supervisor({
    root,
    // Two malloc arenas: the speech engines decode on native worker threads, and glibc's default of
    // one arena per thread kept freed decoder memory from going back (a 30-minute soak grew the
    // stt-worker by 289 MB; with two arenas, 23 MB). docs/performance.md has both runs.
    // Webhook receivers on this machine (plain http on localhost) are what a developer tries first.
    env: {
      MALLOC_ARENA_MAX: '2',
      WEBHOOKS_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      // Executed tasks are answered by the dialer's simulated callee, on this gateway (docs/dialer.md).
      TELEPHONY_PROVIDER: 'simulator',
      DIALER_GATEWAY_URL: `ws://127.0.0.1:${SERVICES.find(({ name }) => name === 'gateway').port}`,
      // Custom HTTP tools are signed with this installation's secret and may call this machine (docs/tools.md).
      LLM_TOOLS_SIGNING_SECRET: localSecret('tools-signing-secret'),
      LLM_TOOLS_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
    },
    onOutput: ({ child, name, index }) => prefixOutput({ child, name, index, width: NAME_WIDTH, raw, paint }),
  });
  services.forEach((service, index) => supervisor.start(service, index));
  return supervisor;
}

/** A random secret made once per checkout and kept in .parley/ (ignored by git). */
function localSecret(name) {
  const file = path.join(root, '.parley', name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function stop(supervisor, why) {
  say(`${why}: stopping every service (each drains first)`);
  const results = await supervisor.stopAll(STOP_GRACE_MS);
  for (const { name, clean, how } of results) say(`${name.padEnd(NAME_WIDTH)} ${clean ? 'exited cleanly' : `did not exit cleanly: ${how}`}`);
  return results.every(({ clean }) => clean);
}

// Ctrl-C or SIGTERM: drain and exit 0 (1 if a service did not exit cleanly). A second Ctrl-C kills.
// The first Ctrl-C can arrive twice at once (from the terminal and forwarded by npm or timeout):
// a repeat within a second is that echo, not a second press.
function handleSignals(supervisor, state) {
  let firstSignalAt = 0;
  const onSignal = async (signal) => {
    if (state.stopping) {
      if (Date.now() - firstSignalAt < 1000) return;
      say('second signal: killing every service');
      supervisor.killAll();
      return;
    }
    firstSignalAt = Date.now();
    state.stopping = true;
    process.exit((await stop(supervisor, signal)) ? 0 : 1);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  // `npm start` does not pass a SIGTERM on through its shell: npm and the shell just go. Losing
  // the parent is then the stop signal, so no services are left running without a supervisor.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && !state.stopping && onSignal('parent process gone'), 500).unref();
}

// A service that exits while nobody asked it to takes the platform down with it.
async function watchForCrash(supervisor, state) {
  const { service, exit } = await supervisor.nextExit();
  if (state.stopping) return;
  state.stopping = true;
  say(paint(31, `${service.name} exited unexpectedly with ${describeExit(exit)}`));
  await stop(supervisor, `${service.name} died`);
  process.exit(1);
}

function selectServicesOrExplain(only) {
  try {
    return selectServices(only);
  } catch (error) {
    throw new StartError(`--only: ${error.message}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, raw: { type: 'boolean', default: false } } });
  const problem = nodeVersionProblem();
  if (problem) throw new StartError(problem);
  const services = selectServicesOrExplain(values.only);
  await ensureInfra();
  await ensurePortsFree(services);
  prepareDatabase();

  const startedAt = Date.now();
  say(`starting ${services.map(({ name }) => name).join(', ')}`);
  const supervisor = startServices(services, values.raw);
  const state = { stopping: false };
  handleSignals(supervisor, state);
  try {
    await waitUntilReady(services, { timeoutMs: READY_TIMEOUT_MS, failure: () => supervisor.firstExit() });
  } catch (error) {
    if (state.stopping) return;
    state.stopping = true;
    say(paint(31, `start-up failed: ${error.message}`));
    await stop(supervisor, 'start-up failed');
    process.exit(1);
  }
  if (state.stopping) return;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const demo = readEnvFile(path.join(root, '.parley/demo.env'));
  const hasCallTool = existsSync(path.join(root, 'tools/call'));
  const restApi = services.some(({ name }) => name === 'rest-api') && (await restApiAnswers(demo));
  console.log(demoBanner({ names: services.map(({ name }) => name), demo, seconds, hasCallTool, restApi }));
  await watchForCrash(supervisor, state);
}

main().catch((error) => {
  console.error(error instanceof StartError ? error.message : error);
  process.exit(1);
});
