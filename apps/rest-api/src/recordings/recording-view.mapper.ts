import type { Recording } from '@parley/db-calls';
import type { RecordingView } from './recording-view.schema';

export const RECORDING_CONTENT_TYPE = 'audio/wav';

/** `/api/v1/recordings/:id/download` under the address the client used. */
export function recordingDownloadUrl(baseUrl: string, recordingId: string): string {
  return `${baseUrl}/api/v1/recordings/${recordingId}/download`;
}

export function toRecordingView(row: Recording, baseUrl: string): RecordingView {
  return {
    id: row.id,
    call_id: row.callId,
    format: row.format,
    content_type: RECORDING_CONTENT_TYPE,
    status: row.status,
    size_bytes: row.bytes,
    duration_ms: row.durationMs,
    sample_rate: row.sampleRate,
    channels: row.channels,
    started_at: row.startedAt?.toISOString() ?? null,
    stopped_at: row.stoppedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    download_url: recordingDownloadUrl(baseUrl, row.id),
  };
}
