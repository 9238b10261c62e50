import { Inject, Injectable } from '@nestjs/common';
import type { Recording } from '@parley/db-calls';
import { ApiError } from '../http/api-error';
import { openRecordingAudio, type RecordingAudio } from './recording-audio';
import type { RecordingListQuery } from './recording-query.schema';
import { RECORDING_READER, type RecordingReader } from './recording-reader';
import type { CallRecordingView, RecordingView } from './recording-view.schema';
import { toRecordingView } from './recording-view.mapper';
import { RecordingsRepository } from './recordings.repository';

/** Recordings of an organization's calls (reference 004 §9 and 002's call recording endpoints). */
@Injectable()
export class RecordingsService {
  constructor(
    @Inject(RecordingsRepository) private readonly repository: RecordingsRepository,
    @Inject(RECORDING_READER) private readonly reader: RecordingReader,
  ) {}

  async list(orgId: string, query: RecordingListQuery, baseUrl: string) {
    const { recordings, total } = await this.repository.list(orgId, query);
    return { recordings: recordings.map((row) => toRecordingView(row, baseUrl)), total };
  }

  async get(orgId: string, id: string, baseUrl: string): Promise<RecordingView> {
    return toRecordingView(await this.found(orgId, id), baseUrl);
  }

  /** The call's recording with the proxy URL that streams it; only once it is complete. */
  async ofCall(orgId: string, callId: string, baseUrl: string): Promise<CallRecordingView> {
    const recording = available(await this.repository.latestOfCall(orgId, callId));
    return { ...toRecordingView(recording, baseUrl), url: `${baseUrl}/api/v1/calls/${callId}/recording/stream` };
  }

  async audioOfCall(orgId: string, callId: string, range: string | undefined): Promise<RecordingAudio> {
    const recording = available(await this.repository.latestOfCall(orgId, callId));
    return openRecordingAudio(this.reader, recording.path, range);
  }

  async audio(orgId: string, id: string, range: string | undefined): Promise<RecordingAudio> {
    const recording = available(await this.repository.find(orgId, id));
    return openRecordingAudio(this.reader, recording.path, range);
  }

  /** Removes the file, then the record; a recording still being written cannot be deleted. */
  async delete(orgId: string, id: string): Promise<{ id: string; deleted: true }> {
    const recording = await this.found(orgId, id);
    if (recording.status === 'recording') {
      throw ApiError.conflict('The recording is still being written', { status: recording.status });
    }
    await this.reader.delete(recording.path);
    if (!(await this.repository.delete(orgId, id))) throw ApiError.notFound('Recording');
    return { id, deleted: true };
  }

  private async found(orgId: string, id: string): Promise<Recording> {
    const recording = await this.repository.find(orgId, id);
    if (!recording) throw ApiError.notFound('Recording');
    return recording;
  }
}

/** Reference 002: a recording is served once complete (the call completed or failed). */
function available(recording: Recording | null): Recording {
  if (!recording) throw ApiError.notFound('Recording');
  if (recording.status !== 'completed') {
    throw ApiError.conflict(`The recording is not available (${recording.status})`, { status: recording.status });
  }
  return recording;
}
