import { FakeS3Server } from '@parley/testing';
import { describeRecordingStoreConformance, expectNumberedWav, numberedFrames, record } from '../recording-store.conformance';
import { MIN_PART_BYTES, S3RecordingStore } from './s3-recording-store';
import { PENDING_PREFIX, RecordingStorageBehindError, S3RecordingUpload } from './s3-recording-upload';

const FORMAT = { sampleRate: 16_000, channels: 2 };
const FRAME_BYTES = 1280;
/** Frames that fill `parts` whole parts (the header counts in part 1), then `extra` frames more. */
function framesFor(parts: number, extra = 0): number {
  return Math.ceil((parts * MIN_PART_BYTES - 44) / FRAME_BYTES) + extra;
}

describe('S3RecordingStore against the fake S3 server', () => {
  let s3: FakeS3Server;
  const stores: S3RecordingStore[] = [];

  function store(credentials: { accessKeyId: string; secretAccessKey: string } = s3): S3RecordingStore {
    const created = new S3RecordingStore({
      bucket: 'recordings',
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    });
    stores.push(created);
    return created;
  }

  function requestsFor(key: string) {
    return s3.requests.filter((r) => r.key === key || r.key === `${PENDING_PREFIX}${key}`);
  }

  /**
   * Writes as a call does, where a part takes 82 s of audio to fill: after each part handed to
   * the store, waits until its upload settled. Stops at the first write that throws.
   */
  async function recordPaced(callId: string, frames: number): Promise<S3RecordingUpload> {
    const target = (await store().open(callId, FORMAT)) as S3RecordingUpload;
    let written = 0;
    let settled = 0;
    for (const frame of numberedFrames(frames)) {
      try {
        target.write(frame);
      } catch {
        break;
      }
      written += frame.length;
      const handed = Math.floor((44 + written - 1) / MIN_PART_BYTES);
      if (handed > settled) {
        await target.settled();
        settled = handed;
      }
    }
    return target;
  }

  function stored(key: string): Buffer {
    const object = s3.object('recordings', key);
    if (!object) throw new Error(`nothing stored at ${key}`);
    return object;
  }

  beforeAll(async () => {
    s3 = await FakeS3Server.start();
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await s3.close();
  });

  describeRecordingStoreConformance('S3RecordingStore', () => store());

  it('stores a recording shorter than one part with a single PutObject', async () => {
    await record(store(), 'short-call', 100);
    expect(requestsFor('short-call.wav').map((r) => r.operation)).toEqual(['PutObject']);
    expectNumberedWav(stored('short-call.wav'), 100);
  });

  it('streams a recording of several parts as a multipart upload whose WAV has the real sizes', async () => {
    const frames = framesFor(2, 50); // two whole parts and a tail
    const bytes = await (await recordPaced('long-call', frames)).close();

    const wav = stored('long-call.wav');
    expect(bytes).toBe(44 + frames * FRAME_BYTES);
    expect(wav.length).toBe(bytes);
    expectNumberedWav(wav, frames);
    expect(wav.readUInt32LE(4)).toBe(bytes - 8);
    expect(wav.readUInt32LE(40)).toBe(frames * FRAME_BYTES);
    const requests = requestsFor('long-call.wav').map((r) => `${r.operation}${r.partNumber ?? ''} ${r.bytes}`);
    expect(requests).toEqual(
      expect.arrayContaining([
        `PutObject ${MIN_PART_BYTES}`, // part 1, header unknown, to the pending key
        'CreateMultipartUpload 0',
        `UploadPart2 ${MIN_PART_BYTES}`,
        `UploadPart3 ${bytes - 2 * MIN_PART_BYTES}`,
        'GetObject 0',
        `UploadPart1 ${MIN_PART_BYTES}`, // part 1 again, with the real sizes
      ]),
    );
    expect(requests.slice(-2)).toEqual([expect.stringMatching(/^CompleteMultipartUpload /), 'DeleteObject 0']);
    expect(s3.keys('recordings').filter((key) => key.startsWith(PENDING_PREFIX))).toEqual([]);
    expect(s3.openUploads('recordings')).toEqual([]);
  }, 120_000);

  it('aborts the upload and removes the pending part when storage refuses a part', async () => {
    s3.fail('UploadPart', { status: 403, code: 'AccessDenied', message: 'Access Denied' });
    const target = await recordPaced('refused-call', framesFor(2, 10));
    await expect(target.close()).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(s3.openUploads('recordings').filter((u) => u.key === 'refused-call.wav')).toEqual([]);
    expect(s3.keys('recordings').filter((key) => key.includes('refused-call'))).toEqual([]);
    expect(requestsFor('refused-call.wav').map((r) => r.operation)).toContain('AbortMultipartUpload');
  }, 120_000);

  it('holds at most two parts: when storage lags a whole part behind, writing fails instead of buffering', async () => {
    const release = s3.hold('PutObject');
    const target = await store().open('lagging-call', FORMAT);
    const write = () => {
      for (const frame of numberedFrames(framesFor(2, 1))) target.write(frame);
    };
    expect(write).toThrow(RecordingStorageBehindError);
    expect(() => target.write(new Uint8Array(FRAME_BYTES))).toThrow(RecordingStorageBehindError);
    release();
    await expect(target.close()).rejects.toThrow(RecordingStorageBehindError);
    expect(s3.keys('recordings').filter((key) => key.includes('lagging-call'))).toEqual([]);
    expect(s3.openUploads('recordings').filter((u) => u.key === 'lagging-call.wav')).toEqual([]);
  }, 120_000);

  it('rides out a throttled request: the SDK retries it and the recording completes', async () => {
    s3.fail('PutObject', { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' });
    await record(store(), 'throttled-call', 50);
    expectNumberedWav(stored('throttled-call.wav'), 50);
    expect(requestsFor('throttled-call.wav').map((r) => r.status)).toEqual([503, 200]);
  });

  it('fails to finish with wrong credentials, and stores nothing', async () => {
    const stranger = store({ accessKeyId: 'AKIANOTKNOWN', secretAccessKey: s3.secretAccessKey });
    await expect(record(stranger, 'stranger-call', 10)).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    expect(s3.object('recordings', 'stranger-call.wav')).toBeUndefined();
  });

  it('refuses parts under S3’s 5 MiB floor', () => {
    expect(() => new S3RecordingStore({ bucket: 'b', region: 'us-east-1', partBytes: MIN_PART_BYTES - 1 })).toThrow(RangeError);
  });
});
