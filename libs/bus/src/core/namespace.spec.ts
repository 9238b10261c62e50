import { eventSubjects, streams, voiceSubjects } from '@parley/contracts';
import { Namespace } from './namespace';

describe('Namespace', () => {
  it('prefixes subjects and stream names, and strips the prefix back off', () => {
    const ns = new Namespace('t_ab12');
    const subject = voiceSubjects.transcript('c1');
    expect(ns.subject(subject)).toBe(`t_ab12.${subject}`);
    expect(ns.strip(ns.subject(subject))).toBe(subject);
    expect(ns.stream(streams.call.name)).toBe(`t_ab12_${streams.call.name}`);
  });

  it('leaves names unchanged without a namespace', () => {
    const ns = new Namespace();
    expect(ns.subject(eventSubjects.callEnded)).toBe(eventSubjects.callEnded);
    expect(ns.strip(eventSubjects.callEnded)).toBe(eventSubjects.callEnded);
    expect(ns.stream(streams.call.name)).toBe(streams.call.name);
  });

  it.each(['a.b', 'with space', '*', '', 'x'.repeat(33)])(
    'refuses %j, which would break subjects or stream names',
    (prefix) => {
      expect(() => new Namespace(prefix)).toThrow(RangeError);
    },
  );
});
