// Where call recordings are stored and read back: a local directory by default, S3-compatible
// object storage when configured. Shared by the gateway (writes) and rest-api (reads).
export {
  assertRecordingPath,
  recordingPath,
  RecordingNotFoundError,
  RecordingRangeError,
  type ByteRange,
  type RecordingReader,
  type RecordingSink,
  type RecordingStat,
  type RecordingStore,
  type RecordingTarget,
} from './recording-store';
export { LocalRecordingStore } from './local/local-recording-store';
export { MIN_PART_BYTES, S3RecordingStore, type S3StoreOptions } from './s3/s3-recording-store';
export { PENDING_PREFIX, RecordingStorageBehindError } from './s3/s3-recording-upload';
export { checkRecordingsEnv, recordingsEnv, recordingStoreFromEnv, type RecordingsEnv } from './recordings-env';
