/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { FRAME_SAMPLES, SAMPLE_RATE, samplesToBytes } from '@parley/audio';
import { type AnsweredBy, eventSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { speechFromText } from '@parley/testing';
import { CallHarness, sleep, type TestCall, waitFor } from '../../test/call-support/call-harness';
import { energyVadFactory, sharedSileroModel, sileroVadFactory, type VadFactory } from '../vad';
import { AnsweringMachineDetector, BeepDetector, AMD_DEFAULTS } from './answering-machine';

const FRAME_MS = 20;
const silentLog = createLogger({ service: 'amd-spec', level: 'silent' });

const GREETING =
  'Hi, you have reached the Smith family. We cannot come to the phone right now, please leave a message after the tone.';

function silence(ms: number): Int16Array {
  return new Int16Array((SAMPLE_RATE * ms) / 1000);
}

function tone(hz: number, ms: number, amplitude = 8_000): Int16Array {
  const out = silence(ms);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE));
  return out;
}

/** Uniform white noise from a fixed seed (a linear congruential generator), so runs repeat. */
function noise(ms: number, amplitude = 3_000): Int16Array {
  const out = silence(ms);
  let seed = 42;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    out[i] = Math.round(((seed / 2 ** 32) * 2 - 1) * amplitude);
  }
  return out;
}

function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The VAD's in-speech state after each 20 ms frame, as the call loop's turn detector sees it. */
async function speakingStates(factory: VadFactory, samples: Int16Array): Promise<boolean[]> {
  const states: boolean[] = [];
  let speaking = false;
  const vad = factory.create((event) => {
    if (event) speaking = event === 'speech-start';
    states.push(speaking);
  });
  // A second at a time, as a socket delivers bursts: Silero's ring holds 5 s, then skips.
  const frames = Math.floor(samples.length / FRAME_SAMPLES);
  for (let i = 0; i < frames; i++) {
    vad.process(samples.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES));
    if ((i + 1) % 50 === 0 || i === frames - 1) await until(() => states.length === i + 1);
  }
  vad.close();
  return states;
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('vad verdicts did not arrive');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Detection {
  readonly verdict: AnsweredBy | undefined;
  /** Audio time of the frame that decided, ms. */
  readonly atMs: number | undefined;
}

async function detect(factory: VadFactory, samples: Int16Array): Promise<Detection> {
  const states = await speakingStates(factory, samples);
  const detector = new AnsweringMachineDetector();
  let decided: Detection = { verdict: undefined, atMs: undefined };
  states.forEach((speaking, i) => {
    const verdict = detector.frame(samples.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES), speaking);
    if (verdict && decided.verdict === undefined) decided = { verdict, atMs: (i + 1) * FRAME_MS };
  });
  return decided;
}

describe('answering-machine detection on the callee first seconds', () => {
  let hello: Int16Array;
  let greeting: Int16Array;
  let medium: Int16Array;
  let silero: VadFactory;

  beforeAll(async () => {
    [hello, greeting, medium] = await Promise.all([
      speechFromText('Hello?'),
      speechFromText(GREETING),
      speechFromText('Sorry, nobody is available right now.'),
    ]);
    silero = sileroVadFactory(await sharedSileroModel(), silentLog);
  }, 60_000);

  const vad = (kind: string): VadFactory => (kind === 'silero' ? silero : energyVadFactory);

  it.each(['silero', 'energy'])('hears a person in a short "Hello?" and a pause (%s VAD)', async (kind) => {
    const found = await detect(vad(kind), concat(hello, silence(3_000)));
    expect(found.verdict).toBe('human');
    // Decided on the pause, long before the window ends.
    expect(found.atMs).toBeLessThan(2_500);
  });

  it.each(['silero', 'energy'])('hears a machine in a long voicemail greeting before it ends (%s VAD)', async (kind) => {
    const found = await detect(vad(kind), concat(greeting, silence(500), tone(1_000, 500), silence(1_000)));
    expect(found.verdict).toBe('machine');
    expect(found.atMs).toBeGreaterThanOrEqual(AMD_DEFAULTS.machineMinMs);
    expect(found.atMs).toBeLessThan(greeting.length / (SAMPLE_RATE / 1000));
  });

  it('hears a machine in the beep after a greeting too short to tell', async () => {
    const found = await detect(silero, concat(medium, silence(1_000), tone(1_000, 400), silence(1_000)));
    const beepEndsMs = (medium.length + silence(1_000).length) / (SAMPLE_RATE / 1000) + 400;
    expect(found).toEqual({ verdict: 'machine', atMs: expect.any(Number) });
    expect(found.atMs).toBeGreaterThan(beepEndsMs - 400 + AMD_DEFAULTS.beepMinMs - FRAME_MS);
    expect(found.atMs).toBeLessThanOrEqual(beepEndsMs);
  });

  it('hears a machine in a beep alone, off 1 kHz by a little', async () => {
    const found = await detect(silero, concat(silence(1_000), tone(1_040, 300), silence(1_000)));
    expect(found).toEqual({ verdict: 'machine', atMs: 1_000 + Math.ceil(AMD_DEFAULTS.beepMinMs / FRAME_MS) * FRAME_MS });
  });

  it('cannot tell from silence or steady noise: unknown when the window ends', async () => {
    for (const audio of [silence(7_000), noise(7_000)]) {
      await expect(detect(silero, audio)).resolves.toEqual({ verdict: 'unknown', atMs: AMD_DEFAULTS.windowMs });
    }
  });

  it('takes no flite speech for a beep', () => {
    for (const speech of [hello, greeting, medium]) {
      const detector = new BeepDetector(AMD_DEFAULTS);
      const frames = Math.floor(speech.length / FRAME_SAMPLES);
      for (let i = 0; i < frames; i++) expect(detector.frame(speech.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES))).toBe(false);
    }
  });

  it('decides once, and a call that ends undecided is unknown', () => {
    const detector = new AnsweringMachineDetector();
    const frame = silence(FRAME_MS);
    for (let i = 0; i < 10; i++) expect(detector.frame(frame, true)).toBeUndefined();
    expect(detector.finish()).toBe('unknown');
    expect(detector.frame(frame, false)).toBeUndefined();
    expect(detector.verdict).toBe('unknown');
  });
});

describe('BeepDetector', () => {
  const frames = (samples: Int16Array) =>
    Array.from({ length: samples.length / FRAME_SAMPLES }, (_, i) => samples.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES));
  function beeps(samples: Int16Array): boolean {
    const detector = new BeepDetector(AMD_DEFAULTS);
    return frames(samples).some((frame) => detector.frame(frame));
  }

  it.each([
    ['a 1 kHz tone of 300 ms', true, tone(1_000, 300)],
    ['a 900 Hz tone of 300 ms', true, tone(900, 300)],
    ['a 1 kHz tone of only 200 ms', false, tone(1_000, 200)],
    ['a quiet 1 kHz tone', false, tone(1_000, 500, 200)],
    ['a 2 kHz tone', false, tone(2_000, 500)],
    ['two 150 ms tones with a gap', false, concat(tone(1_000, 160), silence(40), tone(1_000, 160))],
    ['white noise', false, noise(1_000, 8_000)],
    ['a 1 kHz tone between bursts of loud noise', true, concat(noise(100, 8_000), tone(1_000, 300), noise(100, 8_000))],
  ])('%s: beep %p', (_, expected, samples) => {
    expect(beeps(samples)).toBe(expected);
  });
});

describe('answeredBy on call.ended (the call loop on Silero, real NATS, fake workers)', () => {
  let harness: CallHarness;
  let greeting: Uint8Array;

  beforeAll(async () => {
    harness = await CallHarness.create('gw_amd', { vad: 'silero' });
    greeting = samplesToBytes(concat(await speechFromText(GREETING), silence(500)));
  }, 60_000);

  afterAll(() => harness.close());

  /** The callee plays the voicemail greeting (100 ms chunks, five times real time), then hangs up. */
  async function endedAfterGreeting(call: TestCall): Promise<Record<string, unknown>> {
    await waitFor(() => call.client.count('audio_end') >= 1, 5_000, 'greeting played');
    for (let at = 0; at < greeting.length; at += 3_200) {
      call.client.sendAudio(greeting.subarray(at, at + 3_200));
      await sleep(20);
    }
    await sleep(300);
    call.client.close();
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.callEnded).length > 0, 5_000, 'call.ended');
    harness.stopWorkers();
    return harness.eventsOf(call.callId, eventSubjects.callEnded)[0].payload;
  }

  it('says machine on an outbound call a voicemail greeting answered', async () => {
    const call = await harness.call(undefined, {}, { direction: 'outbound', channel: 'simulator' });
    await expect(endedAfterGreeting(call)).resolves.toMatchObject({ reason: 'HANGUP', answeredBy: 'machine' });
  });

  it('says nothing on an inbound call', async () => {
    const ended = await endedAfterGreeting(await harness.call());
    expect(ended).toMatchObject({ reason: 'HANGUP' });
    expect(ended).not.toHaveProperty('answeredBy');
  });
});
