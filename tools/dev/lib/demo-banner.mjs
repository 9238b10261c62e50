// The box start.mjs prints once everything is ready: where to connect, with which demo keys, and
// what to try first. The keys come from .parley/demo.env, which `npm run seed` writes.
import { existsSync, readFileSync } from 'node:fs';

export function readEnvFile(file) {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^\s*([A-Z0-9_]+)=(.*?)\s*$/.exec(line))
      .filter(Boolean)
      .map(([, key, value]) => [key, value]),
  );
}

// The seed sets the demo user's password from the same variable, with the same default (tools/dev/seed.ts).
const password = process.env.PARLEY_DEMO_PASSWORD || 'parley-demo';

function contentLines({ names, demo, seconds, hasCallTool }) {
  const lines = [`Parley is up: ${names.length} service${names.length === 1 ? '' : 's'} ready in ${seconds} s`, ''];
  const api = demo.PARLEY_API_URL ?? 'http://127.0.0.1:3000/api/v1';
  if (names.includes('gateway')) lines.push(`Voice WebSocket  ${demo.PARLEY_VOICE_URL ?? 'ws://127.0.0.1:3001/voice/<key>'}`);
  if (names.includes('rest-api')) {
    lines.push(`REST API         ${api}`, `API key          ${demo.PARLEY_API_KEY ?? '<see .parley/demo.env>'}`);
    lines.push(`Dashboard login  demo@parley.local / ${password}`, '', 'Try:');
    lines.push(`  curl -s -H "Authorization: Bearer $PARLEY_API_KEY" ${api}/agents`);
    lines.push(`  curl -s -H "Authorization: Bearer $PARLEY_API_KEY" ${api}/calls`);
    if (hasCallTool) lines.push('  npm run call -- --say "What are your business hours?"');
  }
  lines.push('', 'Keys and URLs: .parley/demo.env (source it for $PARLEY_API_KEY)    Stop: Ctrl-C');
  return lines;
}

export function demoBanner(options) {
  const lines = contentLines(options);
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`╭${rule}╮`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `╰${rule}╯`].join('\n');
}
