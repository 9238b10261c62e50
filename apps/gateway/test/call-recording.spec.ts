import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWav } from '@parley/audio';
import { eventSubjects } from '@parley/contracts';
import { LocalRecordingStore, S3RecordingStore } from '@parley/recordings';
import { FakeS3Server } from '@parley/testing';
import { silence, tone } from './call-support/call-client';
import { agentConfig, CallHarness, sleep, waitFor } from './call-support/call-harness';

describe('call recording (real NATS, fake workers)', () => {
  let dir: string;
  let harness: CallHarness;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-calls-'));
    harness = await CallHarness.create('gw_recording', { recordings: new LocalRecordingStore(dir) });
  });

  afterAll(async () => {
    await harness.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a stereo WAV: the caller left, the agent audio actually played right', async () => {
    const call = await harness.call();
    // The file opens in the background and audio before that is not recorded: wait for the fact.
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.recordingStarted).length === 1, 2_000, 'started');
    // Stream in real time, as telephony does: the caller's stream is the recording's clock.
    for (let i = 0; i < 50; i++) {
      call.client.sendAudio(i >= 20 && i < 30 ? tone(20) : silence(20));
      await sleep(20);
    }
    call.client.close();
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.callEnded).length === 1, 3_000, 'call.ended');

    const { format, data } = parseWav(await readFile(join(dir, `${call.callId}.wav`)));
    expect(format).toEqual({ sampleRate: 16000, channels: 2 });
    const samples = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    expect(samples.length / 2).toBe(50 * 320);
    const left = samples.filter((_, i) => i % 2 === 0);
    const right = samples.filter((_, i) => i % 2 === 1);
    // The tone sits in frames 20..29 on the left, and nowhere else.
    expect(Math.max(...left.subarray(20 * 320, 30 * 320))).toBeGreaterThan(7000);
    expect(Math.max(...left.subarray(0, 20 * 320).map(Math.abs))).toBe(0);
    // The greeting's 10 frames were played and recorded on the right; the reply to the tone may
    // start before the recording ends, but only once the caller's turn ended (350 ms after it).
    const agentFrames = Array.from({ length: 50 }, (_, f) => f).filter((f) =>
      right.subarray(f * 320, (f + 1) * 320).some((sample) => sample !== 0),
    );
    expect(agentFrames.filter((f) => f < 30)).toHaveLength(10);
    expect(agentFrames.filter((f) => f >= 30).every((f) => f >= 30 + Math.floor(350 / 20))).toBe(true);

    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.recordingStopped).length === 1, 2_000, 'stopped');
    const [started] = harness.eventsOf(call.callId, eventSubjects.recordingStarted).map((e) => e.payload);
    const [stopped] = harness.eventsOf(call.callId, eventSubjects.recordingStopped).map((e) => e.payload);
    expect(started).toEqual({
      callId: call.callId,
      orgId: 'org-1',
      recordingId: expect.any(String),
      path: `${call.callId}.wav`,
      format: 'wav',
      sampleRate: 16000,
      channels: 2,
      startedAt: expect.any(String),
    });
    const { size } = await stat(join(dir, `${call.callId}.wav`));
    expect(stopped).toEqual({ ...started, bytes: size, durationMs: 50 * 20, stoppedAt: expect.any(String) });
  });

  it('records nothing for an agent that turned recording off', async () => {
    const call = await harness.call({ ...agentConfig(), recordingEnabled: false });
    await sleep(50);
    call.client.sendAudio(silence(200));
    await sleep(100);
    call.client.close();
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.callEnded).length === 1, 3_000, 'call.ended');
    await sleep(100);

    await expect(access(join(dir, `${call.callId}.wav`))).rejects.toThrow();
    expect(harness.eventsOf(call.callId, eventSubjects.recordingStarted)).toEqual([]);
    expect(harness.eventsOf(call.callId, eventSubjects.recordingStopped)).toEqual([]);
  });
});

describe('call recording to S3-compatible storage (real NATS, fake workers, fake S3)', () => {
  let s3: FakeS3Server;
  let store: S3RecordingStore;
  let harness: CallHarness;

  beforeAll(async () => {
    s3 = await FakeS3Server.start({ buckets: ['call-recordings'] });
    store = new S3RecordingStore({
      bucket: 'call-recordings',
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    harness = await CallHarness.create('gw_recording_s3', { recordings: store });
  });

  afterAll(async () => {
    await harness.close();
    await store.close();
    await s3.close();
  });

  it('stores the stereo WAV as <callId>.wav in the bucket, and recording.stopped gives its size', async () => {
    const call = await harness.call();
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.recordingStarted).length === 1, 2_000, 'started');
    for (let i = 0; i < 40; i++) {
      call.client.sendAudio(i >= 10 && i < 20 ? tone(20) : silence(20));
      await sleep(20);
    }
    call.client.close();
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.recordingStopped).length === 1, 5_000, 'stopped');

    const key = `${call.callId}.wav`;
    const object = s3.object('call-recordings', key);
    if (!object) throw new Error(`nothing stored at ${key}; bucket holds ${s3.keys('call-recordings').join(', ')}`);
    const { format, data } = parseWav(object);
    expect(format).toEqual({ sampleRate: 16000, channels: 2 });
    const samples = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    expect(samples.length / 2).toBe(40 * 320);
    const left = samples.filter((_, i) => i % 2 === 0);
    const right = samples.filter((_, i) => i % 2 === 1);
    expect(Math.max(...left.subarray(10 * 320, 20 * 320))).toBeGreaterThan(7000);
    expect(Math.max(...left.subarray(0, 10 * 320).map(Math.abs))).toBe(0);
    expect(right.some((sample) => sample !== 0)).toBe(true); // the greeting, as played

    const [stopped] = harness.eventsOf(call.callId, eventSubjects.recordingStopped).map((e) => e.payload);
    expect(stopped).toMatchObject({ path: key, bytes: object.length, durationMs: 40 * 20 });
    expect(await store.stat(key)).toEqual({ bytes: object.length, modifiedAt: expect.any(Date) });
    // A short call is one signed PUT: nothing pending, no multipart upload left open.
    expect(s3.requests.filter((r) => r.key.includes(call.callId)).map((r) => `${r.operation} ${r.status}`)).toEqual([
      'PutObject 200',
      'HeadObject 200',
    ]);
  });
});
