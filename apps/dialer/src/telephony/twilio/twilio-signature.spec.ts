import { isTwilioSignatureValid, twilioSignature } from './twilio-signature';

// The example of Twilio's webhook security guide: auth token 12345, this URL and these parameters.
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

describe('X-Twilio-Signature', () => {
  it("computes Twilio's documented signature", () => {
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('accepts only the signature of this token, URL and exact parameters', () => {
    const signature = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';
    expect(isTwilioSignatureValid('12345', url, params, signature)).toBe(true);
    expect(isTwilioSignatureValid('54321', url, params, signature)).toBe(false);
    expect(isTwilioSignatureValid('12345', 'https://mycompany.com/myapp.php?foo=1', params, signature)).toBe(false);
    expect(isTwilioSignatureValid('12345', url, { ...params, Digits: '1235' }, signature)).toBe(false);
    expect(isTwilioSignatureValid('12345', url, params, undefined)).toBe(false);
    expect(isTwilioSignatureValid('12345', url, params, 'short')).toBe(false);
  });
});
