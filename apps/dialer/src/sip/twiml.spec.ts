import { sayAndHangUpTwiml } from './twiml';

describe('refusal TwiML', () => {
  it('says the message, escaped, and hangs up', () => {
    expect(sayAndHangUpTwiml('Sorry <not> in service & goodbye')).toBe(
      '<Response><Say>Sorry &lt;not&gt; in service &amp; goodbye</Say><Hangup/></Response>',
    );
  });
});
