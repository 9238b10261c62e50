import { z } from 'zod';
import { EnvError, parseEnv } from './parse-env';

const schema = z.object({
  NAME: z.string(),
  SIZE: z.coerce.number().int(),
  TAGS: z.string().transform((tags) => ({ list: tags.split(',') })),
});

function errorOf(run: () => unknown): EnvError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected an EnvError');
}

describe('parseEnv', () => {
  it('returns the typed values of a valid environment', () => {
    expect(parseEnv(schema, { NAME: 'parley', SIZE: '3', TAGS: 'a,b' })).toEqual({
      NAME: 'parley',
      SIZE: 3,
      TAGS: { list: ['a', 'b'] },
    });
  });

  it('freezes the result all the way down', () => {
    const config = parseEnv(schema, { NAME: 'parley', SIZE: '3', TAGS: 'a,b' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.TAGS)).toBe(true);
    expect(Object.isFrozen(config.TAGS.list)).toBe(true);
  });

  it('lists every bad variable in one error', () => {
    const error = errorOf(() => parseEnv(schema, { SIZE: 'many', TAGS: 'a' }));
    expect(error.problems).toEqual([
      { variable: 'NAME', problem: 'is required but not set' },
      { variable: 'SIZE', problem: expect.stringContaining('expected number') },
    ]);
    expect(error.message).toBe(
      `Invalid environment:\n  NAME: is required but not set\n  SIZE: ${error.problems[1].problem}`,
    );
  });

  it('treats an empty value as unset', () => {
    const error = errorOf(() => parseEnv(schema, { NAME: '', SIZE: '1', TAGS: 'a' }));
    expect(error.problems).toEqual([{ variable: 'NAME', problem: 'is required but not set' }]);
  });

  it('never repeats a value in the error, since values may be secrets', () => {
    const secret = 'postgresql://admin:hunter2@db';
    const error = errorOf(() =>
      parseEnv(z.object({ DATABASE_URL: z.url({ protocol: /^redis$/ }) }), { DATABASE_URL: secret }),
    );
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2');
  });

  it('reads process.env when no source is given', () => {
    process.env['PARLEY_PARSE_ENV_SPEC'] = 'here';
    try {
      expect(parseEnv(z.object({ PARLEY_PARSE_ENV_SPEC: z.string() }))).toEqual({ PARLEY_PARSE_ENV_SPEC: 'here' });
    } finally {
      delete process.env['PARLEY_PARSE_ENV_SPEC'];
    }
  });
});
