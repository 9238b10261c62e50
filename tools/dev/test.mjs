// `npm test`: one Jest run over every project (root jest.config.js), then one plain summary line,
// `N passed, N failed[, N skipped]`, as the very last line of output. Extra arguments go to Jest
// (`npm test -- libs/audio`). Exit code is non-zero when anything failed or the run itself broke.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

function readReport(outputFile) {
  try {
    return JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-test-'));
  const outputFile = path.join(dir, 'jest-results.json');
  const { code, signal } = await runJest(process.argv.slice(2), outputFile);
  const report = readReport(outputFile);
  rmSync(dir, { recursive: true, force: true });
  if (!report) {
    console.error(`\nJest ended (${signal ?? `exit code ${code}`}) without a results file: the run itself failed.`);
    console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  }
  const counts = summarize(report);
  // A run can fail with no failing test: no tests matched, or a run-level error Jest reported.
  const runBroke = signal !== 'SIGKILL' && code !== 0 && counts.failed === 0;
  if (runBroke) console.error(`\nJest exited with code ${code} although no test failed (see its output above).`);
  console.log(summaryLine(counts));
  process.exit(counts.failed > 0 || runBroke ? 1 : 0);
}

await main();
