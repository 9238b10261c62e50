import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_SAMPLES, parseWav } from '@parley/audio';
import { createLogger } from '@parley/logging';
import { LocalRecordingStore } from '@parley/recordings';
import { CallRecorder, type RecordingHooks } from './call-recorder';

const log = createLogger({ service: 'spec', level: 'silent' });

function frame(value: number): Int16Array {
  return new Int16Array(FRAME_SAMPLES).fill(value);
}

function hooks(): RecordingHooks & { started: jest.Mock; stopped: jest.Mock } {
  return { started: jest.fn(), stopped: jest.fn() };
}

describe('CallRecorder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-rec-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the caller left and the played agent audio right, aligned on the caller clock', async () => {
    const recorder = CallRecorder.start(new LocalRecordingStore(dir), 'call-1', log, hooks());
    await recorder.ready;
    recorder.callerFrame(frame(100)); // agent silent
    const agent = frame(-200);
    recorder.agentFrame(new Uint8Array(agent.buffer));
    recorder.callerFrame(frame(300));
    await recorder.close();

    const { format, data } = parseWav(await readFile(join(dir, 'call-1.wav')));
    expect(format).toEqual({ sampleRate: 16000, channels: 2 });
    const samples = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    expect(samples).toHaveLength(2 * 2 * FRAME_SAMPLES);
    expect([samples[0], samples[1]]).toEqual([100, 0]);
    const second = 2 * FRAME_SAMPLES;
    expect([samples[second], samples[second + 1]]).toEqual([300, -200]);
  });

  it('tells when the recording is stored and when it is complete, with its size and duration', async () => {
    const told = hooks();
    const recorder = CallRecorder.start(new LocalRecordingStore(join(dir, 'new', 'dir')), 'call-3', log, told);
    await recorder.ready;
    const start = { path: 'call-3.wav', sampleRate: 16000, channels: 2, startedAt: expect.any(Date) };
    expect(told.started).toHaveBeenCalledWith(start);
    for (let i = 0; i < 50; i++) recorder.callerFrame(frame(i));
    await recorder.close();
    await recorder.close();

    const { size } = await stat(join(dir, 'new', 'dir', 'call-3.wav'));
    expect(told.stopped).toHaveBeenCalledTimes(1);
    expect(told.stopped).toHaveBeenCalledWith(start, { bytes: size, durationMs: 1000, stoppedAt: expect.any(Date) });
    expect(size).toBe(44 + 50 * 2 * 2 * FRAME_SAMPLES);
  });

  it('records nothing, and tells nothing, when the recording cannot be stored', async () => {
    await writeFile(join(dir, 'a-file'), '');
    const told = hooks();
    const recorder = CallRecorder.start(new LocalRecordingStore(join(dir, 'a-file', 'below')), 'call-2', log, told);
    await recorder.ready;
    recorder.callerFrame(frame(1));
    await expect(recorder.close()).resolves.toBeUndefined();
    expect(told.started).not.toHaveBeenCalled();
    expect(told.stopped).not.toHaveBeenCalled();
  });
});
