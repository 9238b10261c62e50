import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRecordingStoreConformance, expectNumberedWav, record } from '../recording-store.conformance';
import { LocalRecordingStore } from './local-recording-store';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parley-recordings-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeRecordingStoreConformance('LocalRecordingStore', () => new LocalRecordingStore(root));

describe('LocalRecordingStore', () => {
  it('writes <root>/<callId>.wav, creating the root on first use', async () => {
    const store = new LocalRecordingStore(join(root, 'new', 'root'));
    const { path } = await record(store, 'call-1', 60);
    expectNumberedWav(await readFile(join(root, 'new', 'root', path)), 60);
  });

  it('fails to open when the root cannot be created', async () => {
    await writeFile(join(root, 'a-file'), 'x');
    const store = new LocalRecordingStore(join(root, 'a-file', 'below'));
    await expect(record(store, 'call-2', 1)).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
