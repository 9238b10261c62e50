import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../http/api-error';
import type { ApiResponse } from '../http/http-types';
import { parseRange } from './byte-range';
import type { RecordingReader } from './recording-reader';
import { RECORDING_CONTENT_TYPE } from './recording-view.mapper';

/** The audio of a recording as the client asked for it: the whole file (200) or a range (206). */
export interface RecordingAudio {
  readonly status: 200 | 206;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readable;
}

/** Opens the stored file at `path` for a request with this `Range` header; 416 when unsatisfiable. */
export async function openRecordingAudio(
  reader: RecordingReader,
  path: string,
  rangeHeader: string | undefined,
): Promise<RecordingAudio> {
  const size = (await reader.stat(path))?.bytes;
  if (size === undefined) throw ApiError.notFound('Recording file');
  const request = parseRange(rangeHeader, size);
  if (request.kind === 'unsatisfiable') {
    // The error envelope is JSON; the headers still say what can be asked for.
    const headers = { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` };
    throw new ApiError(416, 'INVALID_REQUEST', 'Range not satisfiable', { size }, headers);
  }
  const common = { 'Content-Type': RECORDING_CONTENT_TYPE, 'Accept-Ranges': 'bytes' };
  if (request.kind === 'whole') {
    return { status: 200, headers: { ...common, 'Content-Length': String(size) }, body: await reader.read(path) };
  }
  const { start, end } = request.range;
  return {
    status: 206,
    headers: { ...common, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` },
    body: await reader.read(path, request.range),
  };
}

/** Writes the audio; a client that goes away mid-file just stops the read. */
export async function sendRecordingAudio(res: ApiResponse, audio: RecordingAudio): Promise<void> {
  res.writeHead(audio.status, audio.headers);
  await pipeline(audio.body, res).catch(() => audio.body.destroy());
}
