import { parseRange } from './byte-range';

describe('HTTP Range of a recording', () => {
  const size = 1_000;

  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-2000', { start: 990, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['bytes= 10 - 19', { start: 10, end: 19 }],
  ])('serves %s as bytes %j', (header, range) => {
    expect(parseRange(header, size)).toEqual({ kind: 'partial', range });
  });

  it.each([[undefined], [''], ['items=0-5'], ['bytes=0-1,5-9']])('serves the whole file for %j', (header) => {
    expect(parseRange(header, size)).toEqual({ kind: 'whole' });
  });

  it.each([['bytes=1000-'], ['bytes=5000-6000'], ['bytes=50-10'], ['bytes=-0'], ['bytes=-'], ['bytes=abc'], ['bytes=1.5-2']])(
    'cannot satisfy %s',
    (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'unsatisfiable' });
    },
  );

  it('cannot satisfy any range of an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
