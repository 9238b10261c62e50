import * as audio from './index';

describe('@parley/audio', () => {
  it('describes the platform frame: 20 ms of 16 kHz mono PCM16 is 320 samples in 640 bytes', () => {
    expect(audio.FRAME_SAMPLES).toBe(320);
    expect(audio.FRAME_BYTES).toBe(640);
  });

  it('turns an 8 kHz mu-law telephony chunk into platform frames', () => {
    const codes = new Uint8Array(160).fill(audio.mulawEncodeSample(8_000)); // 20 ms at 8 kHz
    const linear = new Int16Array(codes.length);
    audio.mulawDecode(codes, linear);
    const upsampled = new audio.Resampler(8_000, audio.SAMPLE_RATE);
    const frames: number[] = [];
    const splitter = new audio.FrameSplitter((bytes) => frames.push(bytes.length));
    for (let i = 0; i < 10; i++) splitter.push(audio.samplesToBytes(upsampled.process(linear)));
    splitter.push(audio.samplesToBytes(upsampled.flush()));
    expect(frames).toEqual(Array(10).fill(audio.FRAME_BYTES));
  });
});
