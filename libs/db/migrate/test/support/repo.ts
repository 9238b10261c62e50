import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = path.resolve(__dirname, '../../../../..');
const run = promisify(execFile);

/** Runs a Node script from the repository root with TypeScript support; resolves with its stdout. */
export async function runNode(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return stdout;
}
