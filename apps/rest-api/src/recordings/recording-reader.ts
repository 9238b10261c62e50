// rest-api reads recordings through the store the gateway writes to (@parley/recordings): a
// local directory or an S3-compatible bucket, as the RECORDINGS_* and S3_* settings say.
export type { RecordingReader } from '@parley/recordings';

export const RECORDING_READER = Symbol('rest-api:recording-reader');
