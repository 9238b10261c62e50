import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type DemoEnv = Record<string, string>;

/** Reads `KEY=VALUE` lines; a missing file reads as empty. */
export async function readDemoEnv(file: string): Promise<DemoEnv> {
  if (!existsSync(file)) return {};
  const entries = (await readFile(file, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** Writes the file readable by its owner only: it holds live keys. */
export async function writeDemoEnv(file: string, values: DemoEnv): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const lines = Object.entries(values).map(([key, value]) => `${key}=${value}`);
  const text = `# Written by npm run seed; the keys cannot be recovered from the database.\n${lines.join('\n')}\n`;
  await writeFile(file, text, { mode: 0o600 });
}
