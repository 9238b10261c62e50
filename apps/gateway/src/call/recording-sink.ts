// The seam between a call and where its recording is stored: a local directory or an
// S3-compatible bucket, both in `@parley/recordings`; nothing else in the call knows which.
export type { RecordingSink, RecordingTarget } from '@parley/recordings';
