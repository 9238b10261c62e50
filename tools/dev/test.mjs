// `npm test`: Jest over every project (root jest.config.js), then one plain summary line,
// `N passed, N failed`, as the very last line of output (skipped and todo tests on the line before). Extra arguments go to Jest
// (`npm test -- libs/audio`). Exit code is non-zero when anything failed or the run itself broke.
// The e2e projects run second and alone (`--runInBand`): they stream audio in real time against a
// platform of six processes, and sharing two cores with the parallel unit suites makes them flaky.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Jest waits forever for open handles after the run; the results file is written before that wait,
// so a run that has reported but not exited after this long is stopped and reported as it stands.
const EXIT_GRACE_MS = 15_000;

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function runJest(args, outputFile) {
  const jest = require.resolve('jest/bin/jest', { paths: [root] });
  const child = spawn(process.execPath, [jest, '--json', `--outputFile=${outputFile}`, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    const watchdog = setInterval(() => {
      if (!existsSync(outputFile)) return;
      clearInterval(watchdog);
      setTimeout(() => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        console.error(`\nJest reported but did not exit within ${EXIT_GRACE_MS / 1000}s (an open handle?` +
          ' find it with `npm test -- --detectOpenHandles`); stopping it.');
        child.kill('SIGKILL');
      }, EXIT_GRACE_MS).unref();
    }, 1000);
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      resolve({ code, signal });
    });
  });
}

// Counts every test of every project. A suite that failed without a failing test (it did not
// load, or a hook threw) counts as one failure, so a broken file can never read as green.
function summarize(report) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const suite of report.testResults) {
    const statuses = suite.assertionResults.map((test) => test.status);
    passed += statuses.filter((status) => status === 'passed').length;
    skipped += statuses.filter((status) => ['pending', 'skipped', 'todo', 'disabled'].includes(status)).length;
    const failedTests = statuses.filter((status) => status === 'failed').length;
    failed += failedTests > 0 ? failedTests : suite.status === 'failed' ? 1 : 0;
  }
  return { passed, failed, skipped };
}

function addCounts(a, b) {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** The displayName of every project under e2e/, as Jest's --selectProjects/--ignoreProjects want them. */
function e2eProjectNames() {
  const dir = path.join(root, 'e2e');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => path.join(dir, name, 'jest.config.js'))
    .filter((config) => existsSync(config))
    .map((config) => require(config).displayName);
}

function summaryLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

function readReport(outputFile) {
  try {
    return JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** One Jest run; its counts, or undefined when it ended without writing results. */
async function runAndCount(args, dir, label) {
  const outputFile = path.join(dir, `${label}-results.json`);
  const { code, signal } = await runJest(args, outputFile);
  const report = readReport(outputFile);
  if (!report) {
    console.error(`\nJest (${label}) ended (${signal ?? `exit code ${code}`}) without a results file: the run itself failed.`);
    return undefined;
  }
  const counts = summarize(report);
  // A run can fail with no failing test: a run-level error Jest reported.
  const broke = signal !== 'SIGKILL' && code !== 0 && counts.failed === 0;
  if (broke) console.error(`\nJest (${label}) exited with code ${code} although no test failed (see its output above).`);
  return { ...counts, broke };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-test-'));
  const args = [...process.argv.slice(2), '--passWithNoTests'];
  const e2e = e2eProjectNames();
  const runs = [['unit', e2e.length > 0 ? [...args, '--ignoreProjects', ...e2e] : args]];
  if (e2e.length > 0) runs.push(['e2e', [...args, '--runInBand', '--selectProjects', ...e2e]]);
  let total = { passed: 0, failed: 0, skipped: 0 };
  let broke = false;
  for (const [label, runArgs] of runs) {
    const counts = await runAndCount(runArgs, dir, label);
    if (!counts) total = addCounts(total, { passed: 0, failed: 1, skipped: 0 });
    else total = addCounts(total, counts);
    broke ||= counts?.broke ?? false;
  }
  rmSync(dir, { recursive: true, force: true });
  // Both runs pass with no tests, so a filter that matched nothing at all is caught here.
  if (total.passed + total.failed + total.skipped === 0) {
    console.error('\nNo tests matched.');
    broke = true;
  }
  if (total.skipped > 0) console.log(`${total.skipped} skipped (todo or skipped tests)`);
  console.log(summaryLine(total));
  process.exit(total.failed > 0 || broke ? 1 : 0);
}

await main();
