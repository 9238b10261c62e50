import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { FakeS3Server } from './fake-s3-server';

const MiB = 1024 * 1024;

describe('FakeS3Server (driven by the AWS SDK)', () => {
  let s3: FakeS3Server;
  let client: S3Client;

  function clientWith(credentials: { accessKeyId: string; secretAccessKey: string }): S3Client {
    return new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials, maxAttempts: 1 });
  }

  async function s3ErrorOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof S3ServiceException)) throw new Error(`expected an S3 error, got ${String(error)}`);
    return { name: error.name, status: error.$metadata.httpStatusCode };
  }

  beforeAll(async () => {
    s3 = await FakeS3Server.start();
    client = clientWith(s3);
  });

  afterAll(async () => {
    client.destroy();
    await s3.close();
  });

  it('stores an object and serves it whole, by range and by suffix range', async () => {
    const body = Buffer.from('0123456789abcdef');
    await client.send(new PutObjectCommand({ Bucket: 'recordings', Key: 'a/b.wav', Body: body, ContentType: 'audio/wav' }));

    const whole = await client.send(new GetObjectCommand({ Bucket: 'recordings', Key: 'a/b.wav' }));
    expect(Buffer.from((await whole.Body?.transformToByteArray()) ?? [])).toEqual(body);
    expect(whole.ContentType).toBe('audio/wav');
    const ranged = await client.send(new GetObjectCommand({ Bucket: 'recordings', Key: 'a/b.wav', Range: 'bytes=2-5' }));
    expect(await ranged.Body?.transformToString()).toBe('2345');
    expect(ranged.ContentRange).toBe('bytes 2-5/16');
    const suffix = await client.send(new GetObjectCommand({ Bucket: 'recordings', Key: 'a/b.wav', Range: 'bytes=-3' }));
    expect(await suffix.Body?.transformToString()).toBe('def');
    const head = await client.send(new HeadObjectCommand({ Bucket: 'recordings', Key: 'a/b.wav' }));
    expect(head.ContentLength).toBe(16);
  });

  it('answers 416 InvalidRange past the end, 404 NoSuchKey for a missing key, and deletes idempotently', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'recordings', Key: 'short', Body: Buffer.from('abc') }));
    expect(await s3ErrorOf(client.send(new GetObjectCommand({ Bucket: 'recordings', Key: 'short', Range: 'bytes=3-' })))).toEqual({
      name: 'InvalidRange',
      status: 416,
    });
    await client.send(new DeleteObjectCommand({ Bucket: 'recordings', Key: 'short' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'recordings', Key: 'short' }));
    expect(await s3ErrorOf(client.send(new GetObjectCommand({ Bucket: 'recordings', Key: 'short' })))).toEqual({
      name: 'NoSuchKey',
      status: 404,
    });
    expect(await s3ErrorOf(client.send(new HeadObjectCommand({ Bucket: 'recordings', Key: 'short' })))).toEqual({
      name: 'NotFound',
      status: 404,
    });
  });

  it('rejects a wrong access key id with 403 InvalidAccessKeyId and a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const strangers = clientWith({ accessKeyId: 'AKIANOBODY', secretAccessKey: s3.secretAccessKey });
    const forgers = clientWith({ accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' });
    const put = new PutObjectCommand({ Bucket: 'recordings', Key: 'x', Body: Buffer.from('x') });
    expect(await s3ErrorOf(strangers.send(put))).toEqual({ name: 'InvalidAccessKeyId', status: 403 });
    expect(await s3ErrorOf(forgers.send(put))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(s3.keys('recordings')).not.toContain('x');
    strangers.destroy();
    forgers.destroy();
  });

  it('refuses an unsigned request with 403 AccessDenied in S3 error XML', async () => {
    const response = await fetch(`${s3.endpoint}/recordings/anything`);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/<Error><Code>AccessDenied<\/Code>/);
  });

  it('assembles a multipart upload in part order, and refuses a part under 5 MiB that is not the last', async () => {
    const key = 'multi.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'recordings', Key: key }));
    const first = Buffer.alloc(5 * MiB, 1);
    const last = Buffer.from('tail');
    const two = await client.send(new UploadPartCommand({ Bucket: 'recordings', Key: key, UploadId, PartNumber: 2, Body: last }));
    const one = await client.send(new UploadPartCommand({ Bucket: 'recordings', Key: key, UploadId, PartNumber: 1, Body: first }));
    const outOfOrder = new CompleteMultipartUploadCommand({
      Bucket: 'recordings',
      Key: key,
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 2, ETag: two.ETag }, { PartNumber: 1, ETag: one.ETag }] },
    });
    expect(await s3ErrorOf(client.send(outOfOrder))).toEqual({ name: 'InvalidPartOrder', status: 400 });
    const tooSmall = new CompleteMultipartUploadCommand({
      Bucket: 'recordings',
      Key: key,
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 2, ETag: two.ETag }, { PartNumber: 3, ETag: two.ETag }] },
    });
    expect(await s3ErrorOf(client.send(tooSmall))).toEqual({ name: 'InvalidPart', status: 400 });

    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'recordings',
        Key: key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: one.ETag }, { PartNumber: 2, ETag: two.ETag }] },
      }),
    );
    expect(done.ETag).toMatch(/-2"$/);
    expect(s3.object('recordings', key)?.equals(Buffer.concat([first, last]))).toBe(true);
    expect(s3.openUploads('recordings')).toEqual([]);
  });

  it('refuses EntityTooSmall when a middle part is under 5 MiB, and forgets an aborted upload', async () => {
    const key = 'small-parts.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'recordings', Key: key }));
    const parts = [];
    for (const PartNumber of [1, 2]) {
      const { ETag } = await client.send(
        new UploadPartCommand({ Bucket: 'recordings', Key: key, UploadId, PartNumber, Body: Buffer.alloc(1024) }),
      );
      parts.push({ PartNumber, ETag });
    }
    const complete = new CompleteMultipartUploadCommand({ Bucket: 'recordings', Key: key, UploadId, MultipartUpload: { Parts: parts } });
    expect(await s3ErrorOf(client.send(complete))).toEqual({ name: 'EntityTooSmall', status: 400 });

    await client.send(new AbortMultipartUploadCommand({ Bucket: 'recordings', Key: key, UploadId }));
    expect(s3.openUploads('recordings')).toEqual([]);
    expect(await s3ErrorOf(client.send(complete))).toEqual({ name: 'NoSuchUpload', status: 404 });
    expect(s3.keys('recordings')).not.toContain(key);
  });

  it('answers a scripted fault once, then serves the operation again', async () => {
    s3.fail('PutObject', { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' });
    const put = new PutObjectCommand({ Bucket: 'recordings', Key: 'later', Body: Buffer.from('x') });
    expect(await s3ErrorOf(client.send(put))).toEqual({ name: 'SlowDown', status: 503 });
    await client.send(put);
    expect(s3.object('recordings', 'later')?.toString()).toBe('x');
  });
});
