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

/**
 * Whether the REST API already serves the demo key its agents: the box suggests only what works
 * on this checkout.
 */
export async function restApiAnswers(demo) {
  if (!demo.PARLEY_API_URL || !demo.PARLEY_API_KEY) return false;
  try {
    const response = await fetch(`${demo.PARLEY_API_URL}/agents`, {
      headers: { authorization: `Bearer ${demo.PARLEY_API_KEY}` },
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function tryLines({ names, api, hasCallTool, restApi }) {
  const lines = [];
  if (names.includes('gateway') && hasCallTool) lines.push('  npm run call -- --say "What are your business hours?"');
  if (restApi) {
    lines.push(`  curl -s -H "Authorization: Bearer $PARLEY_API_KEY" ${api}/agents`);
    lines.push(`  curl -s -H "Authorization: Bearer $PARLEY_API_KEY" ${api}/calls`);
  }
  if (names.includes('gateway')) lines.push("  curl -s http://127.0.0.1:3001/metrics | grep '^gateway_'");
  return lines.length > 0 ? ['', 'Try:', ...lines] : [];
}

function contentLines({ names, demo, seconds, hasCallTool, restApi }) {
  const api = demo.PARLEY_API_URL ?? 'http://127.0.0.1:3000/api/v1';
  const connect = [];
  if (names.includes('gateway')) connect.push(`Voice WebSocket  ${demo.PARLEY_VOICE_URL ?? 'ws://127.0.0.1:3001/voice/<key>'}`);
  if (names.includes('rest-api')) {
    connect.push(`REST API         ${api}`, `API key          ${demo.PARLEY_API_KEY ?? '<see .parley/demo.env>'}`);
    connect.push(`Dashboard login  demo@parley.local / ${password}`);
  }
  const lines = [`Parley is up: ${names.length} service${names.length === 1 ? '' : 's'} ready in ${seconds} s`];
  if (connect.length > 0) lines.push('', ...connect);
  lines.push(...tryLines({ names, api, hasCallTool, restApi }));
  lines.push('', 'Keys and URLs: .parley/demo.env (source it for $PARLEY_API_KEY)    Stop: Ctrl-C');
  return lines;
}

export function demoBanner(options) {
  const lines = contentLines(options);
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`╭${rule}╮`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `╰${rule}╯`].join('\n');
}
