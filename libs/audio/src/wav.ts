/**
 * RIFF/WAVE for 16-bit PCM: parse files of any channel count and rate (skipping chunks we do not
 * use) and build the canonical 44-byte header. Recordings are streamed to disk, so the header
 * can be written first with unknown sizes and rewritten once the data length is known.
 */
export interface WavFormat {
  sampleRate: number;
  channels: number;
}

/** Where the samples are in a WAV file, read from its header (see parseWavHeader). */
export interface WavHeaderInfo {
  format: WavFormat;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Declared data length; WAV_UNKNOWN_SIZE (or a wrong value) when the writer never patched it. */
  dataBytes: number;
}

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
}

export const WAV_HEADER_BYTES = 44;
/** The size written while a stream is still open; readers take the data to the end of the file. */
export const WAV_UNKNOWN_SIZE = 0xffff_ffff;
/** The most sample data a RIFF size field can describe. */
export const WAV_MAX_DATA_BYTES = WAV_UNKNOWN_SIZE - (WAV_HEADER_BYTES - 8);

const BITS_PER_SAMPLE = 16;
const FORMAT_PCM = 0x0001;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Known non-PCM format tags, named so the error says what the file actually is. */
const FORMAT_NAMES: Record<number, string> = { 0x0003: 'IEEE float', 0x0006: 'A-law', 0x0007: 'mu-law', 0x0055: 'MP3' };

/** The 44-byte header for `dataBytes` of 16-bit PCM in `format` (WAV_UNKNOWN_SIZE while unknown). */
export function wavHeader(format: WavFormat, dataBytes: number): Buffer {
  assertFormat(format);
  const unknown = dataBytes === WAV_UNKNOWN_SIZE;
  if (!unknown && (!Number.isInteger(dataBytes) || dataBytes < 0 || dataBytes > WAV_MAX_DATA_BYTES)) {
    throw new RangeError(`WAV data size must be an integer in 0..${WAV_MAX_DATA_BYTES}, got ${dataBytes}`);
  }
  const blockAlign = format.channels * (BITS_PER_SAMPLE / 8);
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(unknown ? WAV_UNKNOWN_SIZE : dataBytes + WAV_HEADER_BYTES - 8, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(FORMAT_PCM, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BITS_PER_SAMPLE, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * Reads the header from the start of a WAV file (`bytes` may be just a prefix, enough to reach
 * the data chunk). Throws WavFormatError for anything but 16-bit PCM, or a malformed file.
 */
export function parseWavHeader(bytes: Uint8Array): WavHeaderInfo {
  assertRiffWave(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = fourCc(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') format = parseFmtChunk(view, offset + 8, size);
    if (id === 'data') {
      if (!format) throw new WavFormatError('WAV data chunk comes before its fmt chunk');
      return { format, dataOffset: offset + 8, dataBytes: size };
    }
    offset += 8 + size + (size % 2); // chunks are padded to an even length
  }
  const missing = format ? 'data' : 'fmt';
  throw new WavFormatError(`WAV file has no ${missing} chunk in its first ${bytes.length} bytes`);
}

/**
 * Parses a whole WAV file; `data` is a view into `bytes` (no copy). A data size that runs past
 * the end of the file (a stream that was never closed) is cut to the whole frames present.
 */
export function parseWav(bytes: Uint8Array): { format: WavFormat; data: Uint8Array } {
  const { format, dataOffset, dataBytes } = parseWavHeader(bytes);
  const blockAlign = format.channels * (BITS_PER_SAMPLE / 8);
  let length = Math.min(dataBytes, bytes.length - dataOffset);
  length -= length % blockAlign;
  return { format, data: bytes.subarray(dataOffset, dataOffset + length) };
}

function assertRiffWave(bytes: Uint8Array): void {
  if (bytes.length < 12) throw new WavFormatError(`not a WAV file: ${bytes.length} bytes is too short`);
  const riff = fourCc(bytes, 0);
  if (riff === 'RIFX') throw new WavFormatError('big-endian WAV (RIFX) is not supported');
  if (riff === 'RF64') throw new WavFormatError('RF64 WAV is not supported');
  if (riff !== 'RIFF' || fourCc(bytes, 8) !== 'WAVE') throw new WavFormatError('not a WAV file: no RIFF/WAVE header');
}

function parseFmtChunk(view: DataView, offset: number, size: number): WavFormat {
  if (size < 16 || offset + 16 > view.byteLength) {
    throw new WavFormatError(`WAV fmt chunk is truncated (${size} bytes)`);
  }
  const tag = formatTag(view, offset, size);
  if (tag !== FORMAT_PCM) {
    const name = FORMAT_NAMES[tag] ?? `format tag 0x${tag.toString(16)}`;
    throw new WavFormatError(`WAV encoding ${name} is not supported: only 16-bit PCM`);
  }
  const channels = view.getUint16(offset + 2, true);
  const sampleRate = view.getUint32(offset + 4, true);
  const bits = view.getUint16(offset + 14, true);
  if (bits !== BITS_PER_SAMPLE) {
    throw new WavFormatError(`WAV with ${bits}-bit samples is not supported: only 16-bit PCM`);
  }
  if (channels === 0 || sampleRate === 0) {
    throw new WavFormatError(`WAV declares ${channels} channels at ${sampleRate} Hz`);
  }
  return { sampleRate, channels };
}

/** The format tag, looking through WAVE_FORMAT_EXTENSIBLE to its sub-format GUID's first field. */
function formatTag(view: DataView, offset: number, size: number): number {
  const tag = view.getUint16(offset, true);
  if (tag !== FORMAT_EXTENSIBLE) return tag;
  if (size < 40 || offset + 26 > view.byteLength) throw new WavFormatError('WAV extensible fmt chunk is truncated');
  return view.getUint16(offset + 24, true);
}

function fourCc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

function assertFormat(format: WavFormat): void {
  if (!Number.isInteger(format.channels) || format.channels < 1 || format.channels > 0xffff) {
    throw new RangeError(`WAV channel count must be an integer in 1..65535, got ${format.channels}`);
  }
  // The header stores bytes per second in 32 bits.
  const byteRate = format.sampleRate * format.channels * (BITS_PER_SAMPLE / 8);
  if (!Number.isInteger(format.sampleRate) || format.sampleRate < 1 || byteRate > 0xffff_ffff) {
    throw new RangeError(`WAV sample rate must be a positive integer that fits the header, got ${format.sampleRate}`);
  }
}
