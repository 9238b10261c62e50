export { FakeS3Server, type FakeS3Fault, type FakeS3Options, type FakeS3Request, type S3Operation } from './fake-s3-server';
export { S3_MIN_PART_BYTES } from './fake-s3-bucket';
