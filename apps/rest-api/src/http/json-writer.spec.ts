import { jsonBool, jsonIso, jsonRaw, jsonString, jsonToken } from './json-writer';

describe('JSON written from Postgres text columns', () => {
  it('writes each piece as JSON.parse reads it back', () => {
    const item = `{"s":${jsonString('say "hi"\n\\ \u2028 é')},"n":${jsonString(null)},"t":${jsonToken('in_progress')},` +
      `"u":${jsonToken(null)},"r":${jsonRaw('{"a": [1, 2.5]}')},"z":${jsonRaw(null)},"b":${jsonBool('t')},"f":${jsonBool('f')},` +
      `"x":${jsonBool(null)},"d":${jsonIso('1711879200123')},"e":${jsonIso(null)}}`;
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
