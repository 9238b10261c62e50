import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_SAMPLES, parseWav } from '@parley/audio';
import { createLogger } from '@parley/logging';
import { CallRecorder } from './call-recorder';

const log = createLogger({ service: 'spec', level: 'silent' });

function frame(value: number): Int16Array {
  return new Int16Array(FRAME_SAMPLES).fill(value);
}

describe('CallRecorder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-rec-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the caller left and the played agent audio right, aligned on the caller clock', async () => {
    const recorder = CallRecorder.start(dir, 'call-1', log);
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

  it('records nothing and logs when the directory cannot be written', async () => {
    const recorder = CallRecorder.start(join(dir, 'missing'), 'call-2', log);
    await recorder.ready;
    recorder.callerFrame(frame(1));
    await expect(recorder.close()).resolves.toBeUndefined();
  });
});
