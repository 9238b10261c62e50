import { jsonBool, jsonRaw, jsonString, jsonTimestamp, jsonToken } from './json-writer';

describe('JSON written from Postgres text columns', () => {
  it('writes each piece as JSON.parse reads it back', () => {
    const item = `{"s":${jsonString('say "hi"\n\\ \u2028 é')},"n":${jsonString(null)},"t":${jsonToken('in_progress')},` +
      `"u":${jsonToken(null)},"r":${jsonRaw('{"a": [1, 2.5]}')},"z":${jsonRaw(null)},"b":${jsonBool('t')},"f":${jsonBool('f')},` +
      `"x":${jsonBool(null)},"d":${jsonTimestamp('2024-03-31 10:00:00.123+00')},"e":${jsonTimestamp(null)}}`;
    expect(JSON.parse(item)).toEqual({
      s: 'say "hi"\n\\ \u2028 é',
      n: null,
      t: 'in_progress',
      u: null,
      r: { a: [1, 2.5] },
      z: null,
      b: true,
      f: false,
      x: null,
      d: '2024-03-31T10:00:00.123Z',
      e: null,
    });
  });
});

describe('jsonTimestamp', () => {
  it.each([
    ['2024-03-31 10:00:00.123+00', '2024-03-31T10:00:00.123Z'],
    ['2024-03-31 10:00:00.12+00', '2024-03-31T10:00:00.120Z'],
    ['2024-03-31 10:00:00.1+00', '2024-03-31T10:00:00.100Z'],
    ['2024-03-31 10:00:00+00', '2024-03-31T10:00:00.000Z'],
    ['2024-03-31 12:00:00.5+02', '2024-03-31T10:00:00.500Z'],
  ])('writes Postgres %s as toISOString does', (text, iso) => {
    expect(JSON.parse(jsonTimestamp(text))).toBe(iso);
  });
});
