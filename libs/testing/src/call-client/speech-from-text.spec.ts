import { FRAME_SAMPLES, dbfs } from '@parley/audio';
import { speechFromText } from './speech-from-text';

describe('speechFromText', () => {
  it('speaks the text with flite as 16 kHz caller audio framed by quiet', async () => {
    const speech = await speechFromText('what are your business hours');

    // About 1.8 s at flite's pace; much shorter or longer means the wrong rate or voice.
    expect(speech.length / 16_000).toBeGreaterThan(1.2);
    expect(speech.length / 16_000).toBeLessThan(2.5);
    expect(dbfs(speech)).toBeGreaterThan(-30);
    expect(dbfs(speech, 0, FRAME_SAMPLES)).toBeLessThan(-50);
  });

  it('resamples an 8 kHz voice to the same duration as a 16 kHz one', async () => {
    const [native, resampled] = await Promise.all([speechFromText('good morning', 'kal16'), speechFromText('good morning', 'kal')]);

    expect(Math.abs(resampled.length - native.length) / native.length).toBeLessThan(0.15);
  });

  it('refuses a voice flite does not have instead of falling back silently', async () => {
    await expect(speechFromText('hello', 'nosuch')).rejects.toThrow('flite has no voice "nosuch"');
  });

  it('refuses empty text', async () => {
    await expect(speechFromText('  ')).rejects.toThrow('needs some text');
  });
});
