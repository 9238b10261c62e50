import { parseTwimlStream } from '@parley/testing';
import { connectStreamTwiml, dialTwiml } from './twiml';

describe('Connect/Stream TwiML', () => {
  it('connects the call to the stream URL with its parameters, escaped for XML', () => {
    const twiml = connectStreamTwiml('wss://voice.example.com/telephony/twilio/dial/a_b-c?x=1&y=2', { to: '+14155550100', note: '"<&>"' });
    expect(twiml).toBe(
      '<Response><Connect><Stream url="wss://voice.example.com/telephony/twilio/dial/a_b-c?x=1&amp;y=2">' +
        '<Parameter name="to" value="+14155550100"/><Parameter name="note" value="&quot;&lt;&amp;&gt;&quot;"/>' +
        '</Stream></Connect></Response>',
    );
    expect(parseTwimlStream(twiml)).toEqual({
      url: 'wss://voice.example.com/telephony/twilio/dial/a_b-c?x=1&y=2',
      parameters: { to: '+14155550100', note: '"<&>"' },
    });
  });

  it('dials the transfer target', () => {
    expect(dialTwiml('+14155550199')).toBe('<Response><Dial>+14155550199</Dial></Response>');
  });
});
