import { upgradeTargetOf } from './upgrade-path';

describe('upgradeTargetOf', () => {
  it('reads the raw protocol’s key and ticket paths', () => {
    expect(upgradeTargetOf('/voice/sk_live_x?codec=l16')).toEqual({ kind: 'key', key: 'sk_live_x' });
    expect(upgradeTargetOf('/voice/')).toEqual({ kind: 'key', key: '' });
    expect(upgradeTargetOf('/voice/dial/tk_abc')).toEqual({ kind: 'ticket', ticket: 'tk_abc' });
  });

  it('reads a carrier’s key and ticket paths, carrier name as sent', () => {
    expect(upgradeTargetOf('/telephony/twilio/sk_live_x')).toEqual({ kind: 'key', key: 'sk_live_x', carrier: 'twilio' });
    expect(upgradeTargetOf('/telephony/vonage/dial/tk_abc?x=1')).toEqual({ kind: 'ticket', ticket: 'tk_abc', carrier: 'vonage' });
    expect(upgradeTargetOf('/telephony/nope/sk')).toEqual({ kind: 'key', key: 'sk', carrier: 'nope' });
  });

  it.each(['/', '/healthz', '/voices/x', '/api/voice/x', '/voice/x/extra', '/voice/dial/t/extra', '/telephony/twilio', '/telephony//k', '/telephony/twilio/dial/t/x', 'voice/x', undefined])(
    'finds no voice path in %j',
    (url) => {
      expect(upgradeTargetOf(url)).toBeUndefined();
    },
  );
});
