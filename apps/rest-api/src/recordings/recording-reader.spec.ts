import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { LocalRecordingReader } from './recording-reader';

async function read(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('local recording reader', () => {
  let root: string;
  let reader: LocalRecordingReader;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'recordings-'));
    reader = new LocalRecordingReader(root);
    await writeFile(join(root, 'call.wav'), '0123456789');
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('gives the size of a stored file and nothing for a missing one', async () => {
    await expect(reader.stat('call.wav')).resolves.toBe(10);
    await expect(reader.stat('missing.wav')).resolves.toBeUndefined();
  });

  it('reads the whole file or an inclusive range of it', async () => {
    await expect(read(reader.open('call.wav'))).resolves.toBe('0123456789');
    await expect(read(reader.open('call.wav', { start: 2, end: 4 }))).resolves.toBe('234');
  });

  it('deletes a file, and a second delete is no error', async () => {
    await reader.delete('call.wav');
    await expect(reader.stat('call.wav')).resolves.toBeUndefined();
    await expect(reader.delete('call.wav')).resolves.toBeUndefined();
  });

  it('refuses a path that leaves the recordings root', async () => {
    await expect(reader.stat('../etc/passwd')).rejects.toThrow('leaves the recordings root');
    expect(() => reader.open('/etc/passwd')).toThrow('leaves the recordings root');
    await expect(reader.delete('..')).rejects.toThrow('leaves the recordings root');
  });
});
