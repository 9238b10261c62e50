import { WAV_HEADER_BYTES, WAV_UNKNOWN_SIZE, WavFormatError, parseWav, parseWavHeader, wavHeader } from './wav';

function chunk(id: string, body: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'ascii');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

function fmtBody(tag: number, channels: number, sampleRate: number, bits: number, extensibleTag?: number): Buffer {
  const body = Buffer.alloc(extensibleTag === undefined ? 16 : 40);
  body.writeUInt16LE(tag, 0);
  body.writeUInt16LE(channels, 2);
  body.writeUInt32LE(sampleRate, 4);
  body.writeUInt32LE((sampleRate * channels * bits) / 8, 8);
  body.writeUInt16LE((channels * bits) / 8, 12);
  body.writeUInt16LE(bits, 14);
  if (extensibleTag !== undefined) {
    body.writeUInt16LE(22, 16); // cbSize
    body.writeUInt16LE(extensibleTag, 24); // first field of the sub-format GUID
  }
  return body;
}

function riff(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

const SAMPLES = Buffer.from(Int16Array.from([0, 1, -1, 32_767, -32_768, 1_234]).buffer);

describe('WAV', () => {
  it('writes a canonical 44-byte header that parses back to the same format and data', () => {
    const format = { sampleRate: 16_000, channels: 2 };
    const file = Buffer.concat([wavHeader(format, SAMPLES.length), SAMPLES]);
    expect(file.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect(file.readUInt32LE(28)).toBe(64_000); // bytes per second
    expect(file.readUInt16LE(32)).toBe(4); // block align
    const parsed = parseWav(file);
    expect(parsed.format).toEqual(format);
    expect(Buffer.from(parsed.data)).toEqual(SAMPLES);
    expect(parsed.data.buffer).toBe(file.buffer); // a view, not a copy
  });

  it('skips unknown chunks, including odd-sized ones with their pad byte', () => {
    const file = riff(
      chunk('JUNK', Buffer.alloc(3, 0xee)),
      chunk('fmt ', fmtBody(1, 1, 22_050, 16)),
      chunk('LIST', Buffer.from('INFOISFT\x05\x00\x00\x00test\x00')),
      chunk('data', SAMPLES),
    );
    const parsed = parseWav(file);
    expect(parsed.format).toEqual({ sampleRate: 22_050, channels: 1 });
    expect(Buffer.from(parsed.data)).toEqual(SAMPLES);
  });

  it('accepts WAVE_FORMAT_EXTENSIBLE when its sub-format is PCM', () => {
    const file = riff(chunk('fmt ', fmtBody(0xfffe, 6, 48_000, 16, 1)), chunk('data', Buffer.alloc(12)));
    expect(parseWav(file).format).toEqual({ sampleRate: 48_000, channels: 6 });
  });

  it('reads a stream that was never closed to the end of the file, in whole frames', () => {
    const format = { sampleRate: 8_000, channels: 2 };
    const file = Buffer.concat([wavHeader(format, WAV_UNKNOWN_SIZE), SAMPLES.subarray(0, 10)]);
    expect(parseWavHeader(file)).toEqual({ format, dataOffset: WAV_HEADER_BYTES, dataBytes: WAV_UNKNOWN_SIZE });
    expect(parseWav(file).data.length).toBe(8);
  });

  it('reads the header from a prefix of the file', () => {
    const prefix = wavHeader({ sampleRate: 24_000, channels: 1 }, 1_000_000);
    expect(parseWavHeader(prefix)).toMatchObject({ dataOffset: 44, dataBytes: 1_000_000 });
  });

  it.each([
    [fmtBody(3, 1, 16_000, 32), /IEEE float is not supported/],
    [fmtBody(7, 1, 8_000, 8), /mu-law is not supported/],
    [fmtBody(1, 1, 16_000, 24), /24-bit samples is not supported/],
    [fmtBody(0xfffe, 2, 48_000, 16, 3), /IEEE float is not supported/],
    [fmtBody(1, 0, 16_000, 16), /0 channels/],
  ])('rejects unsupported formats with a clear error (%#)', (fmt, message) => {
    const parse = () => parseWav(riff(chunk('fmt ', fmt), chunk('data', SAMPLES)));
    expect(parse).toThrow(WavFormatError);
    expect(parse).toThrow(message);
  });

  it.each([
    [Buffer.from('RIFF'), /too short/],
    [Buffer.from('RIFX\x00\x00\x00\x00WAVE'), /RIFX/],
    [Buffer.from('RIFF\x00\x00\x00\x00AVI '), /no RIFF\/WAVE header/],
    [riff(chunk('data', SAMPLES)), /data chunk comes before its fmt chunk/],
    [riff(chunk('fmt ', fmtBody(1, 1, 16_000, 16))), /no data chunk/],
    [riff(chunk('LIST', Buffer.alloc(4))), /no fmt chunk/],
  ])('rejects malformed files with a clear error (%#)', (file, message) => {
    expect(() => parseWav(file)).toThrow(message);
  });

  it('refuses to write a header it cannot represent', () => {
    expect(() => wavHeader({ sampleRate: 16_000, channels: 0 }, 0)).toThrow(RangeError);
    expect(() => wavHeader({ sampleRate: 16_000.5, channels: 1 }, 0)).toThrow(RangeError);
    expect(() => wavHeader({ sampleRate: 16_000, channels: 1 }, 2 ** 32)).toThrow(RangeError);
  });
});
