import { type ParseArgsConfig, parseArgs } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every bench takes. */
const COMMON: OptionsConfig = {
  url: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const COMMON_USAGE = `  --url URL      voice URL ws://HOST/voice/<key> (default: the bench agent's key on the host of
                 PARLEY_VOICE_URL in .parley/demo.env; see support/bench-tenant.ts)
  --json         print the figures as one JSON document instead of tables
  --help         this text`;

export interface BenchArgs {
  readonly url: string | undefined;
  readonly json: boolean;
  /** A whole number option, `fallback` when absent; exits with usage on anything else. */
  int(name: string, fallback: number, min?: number): number;
}

/** Parses argv; prints `usage` and exits on --help (0) or a bad option (2). */
export function parseBenchArgs(argv: string[], usage: string, options: OptionsConfig): BenchArgs {
  const values = parseOrExit(argv, usage, { ...COMMON, ...options });
  if (values.help) exitWith(usage, 0);
  return {
    url: values.url as string | undefined,
    json: values.json === true,
    int(name, fallback, min = 1) {
      const raw = values[name];
      if (raw === undefined) return fallback;
      const number = Number(raw);
      if (!Number.isInteger(number) || number < min) exitWith(`--${name} needs a whole number ≥ ${min}, got "${String(raw)}"\n\n${usage}`, 2);
      return number;
    },
  };
}

function parseOrExit(argv: string[], usage: string, options: OptionsConfig) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return exitWith(`${(error as Error).message}\n\n${usage}`, 2);
  }
}

function exitWith(text: string, code: number): never {
  (code === 0 ? console.log : console.error)(text);
  process.exit(code);
}
