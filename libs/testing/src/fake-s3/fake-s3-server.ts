import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeS3Bucket, type S3Reply } from './fake-s3-bucket';
import { S3Error } from './s3-error';
import { verifySigV4 } from './sigv4-verifier';

export type S3Operation =
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload';

/** One request the fake answered, in arrival order. */
export interface FakeS3Request {
  readonly operation: S3Operation;
  readonly bucket: string;
  readonly key: string;
  /** Body bytes received. */
  readonly bytes: number;
  readonly partNumber?: number;
  readonly range?: string;
  /** The status answered. */
  status: number;
}

/** An S3 error the next requests of one operation get instead of being served. */
export interface FakeS3Fault {
  readonly status: number;
  readonly code: string;
  readonly message?: string;
  /** How many requests fail before the operation is served again (1). */
  readonly times?: number;
}

export interface FakeS3Options {
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly region?: string;
  /** Buckets that exist from the start (`recordings`). */
  readonly buckets?: readonly string[];
}

interface Route {
  readonly operation: S3Operation;
  readonly bucket: string;
  readonly key: string;
  readonly query: URLSearchParams;
}

/**
 * An S3-compatible server on a random local port, speaking S3's REST protocol in path style
 * (`/<bucket>/<key>`) as AWS documents it: PutObject, GetObject (with `Range`), HeadObject,
 * DeleteObject and the multipart upload (Create, UploadPart, Complete, Abort) with S3's rules
 * (parts of at least 5 MiB except the last, ascending part numbers, matching ETags). Every request
 * must be signed with AWS Signature Version 4 by the configured key; errors are S3's `<Error>` XML.
 * Objects live in memory. `fail` and `hold` script storage trouble.
 */
export class FakeS3Server {
  readonly requests: FakeS3Request[] = [];
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  private readonly buckets = new Map<string, FakeS3Bucket>();
  private readonly faults = new Map<S3Operation, FakeS3Fault & { left: number }>();
  private readonly holds = new Map<S3Operation, { released: Promise<void>; release: () => void }>();

  private constructor(
    private readonly server: Server,
    options: FakeS3Options,
  ) {
    this.accessKeyId = options.accessKeyId ?? 'AKIAFAKES3TESTKEY000';
    this.secretAccessKey = options.secretAccessKey ?? 'fake-s3-secret-access-key';
    this.region = options.region ?? 'us-east-1';
    for (const name of options.buckets ?? ['recordings']) this.createBucket(name);
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(options: FakeS3Options = {}): Promise<FakeS3Server> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeS3Server(server, options);
  }

  /** The endpoint to give the SDK, with `forcePathStyle: true`. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new FakeS3Bucket(name));
  }

  /** A stored object's bytes, or undefined. */
  object(bucket: string, key: string): Buffer | undefined {
    return this.buckets.get(bucket)?.objects.get(key)?.body;
  }

  /** Keys of the stored objects, sorted. */
  keys(bucket: string): string[] {
    return [...(this.buckets.get(bucket)?.objects.keys() ?? [])].sort();
  }

  /** Multipart uploads created and neither completed nor aborted. */
  openUploads(bucket: string): { key: string; uploadId: string; parts: number[] }[] {
    return [...(this.buckets.get(bucket)?.uploads.values() ?? [])].map((upload) => ({
      key: upload.key,
      uploadId: upload.uploadId,
      parts: [...upload.parts.keys()].sort((a, b) => a - b),
    }));
  }

  /** The next `fault.times` (1) requests of `operation` are answered with this error. */
  fail(operation: S3Operation, fault: FakeS3Fault): void {
    this.faults.set(operation, { ...fault, left: fault.times ?? 1 });
  }

  /** Requests of `operation` wait (body received) until the returned function is called. */
  hold(operation: S3Operation): () => void {
    let open: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      open = resolve;
    });
    const release = () => {
      this.holds.delete(operation);
      open();
    };
    this.holds.set(operation, { released, release });
    return release;
  }

  async close(): Promise<void> {
    for (const hold of [...this.holds.values()]) hold.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    const body = Buffer.concat(await req.toArray());
    let route: Route | undefined;
    let request: FakeS3Request | undefined;
    try {
      route = routeOf(req);
      request = this.logRequest(req, route, body);
      verifySigV4(req, body, this);
      await this.holds.get(route.operation)?.released;
      this.injectFault(route.operation);
      send(res, this.serve(req, route, body), req.method === 'HEAD');
    } catch (error) {
      const s3Error = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      res.statusCode = s3Error.status;
      if (req.method === 'HEAD') res.end();
      else res.setHeader('content-type', 'application/xml').end(s3Error.toXml(requestId));
    }
    if (request) request.status = res.statusCode;
  }

  private serve(req: IncomingMessage, route: Route, body: Buffer): S3Reply {
    const bucket = this.buckets.get(route.bucket);
    if (!bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: route.bucket });
    const { key, query } = route;
    switch (route.operation) {
      case 'PutObject':
        return bucket.putObject(key, body, req.headers);
      case 'GetObject':
        return bucket.getObject(key, req.headers.range);
      case 'HeadObject':
        return bucket.headObject(key);
      case 'DeleteObject':
        return bucket.deleteObject(key);
      case 'CreateMultipartUpload':
        return bucket.createMultipartUpload(key, req.headers);
      case 'UploadPart':
        return bucket.uploadPart(key, query.get('uploadId') ?? '', query.get('partNumber') ?? '', body, req.headers);
      case 'CompleteMultipartUpload':
        return bucket.completeMultipartUpload(key, query.get('uploadId') ?? '', body.toString('utf8'));
      case 'AbortMultipartUpload':
        return bucket.abortMultipartUpload(key, query.get('uploadId') ?? '');
    }
  }

  private logRequest(req: IncomingMessage, route: Route, body: Buffer): FakeS3Request {
    const partNumber = route.query.get('partNumber');
    const request: FakeS3Request = {
      operation: route.operation,
      bucket: route.bucket,
      key: route.key,
      bytes: body.length,
      ...(partNumber ? { partNumber: Number(partNumber) } : {}),
      ...(req.headers.range ? { range: req.headers.range } : {}),
      status: 0,
    };
    this.requests.push(request);
    return request;
  }

  private injectFault(operation: S3Operation): void {
    const fault = this.faults.get(operation);
    if (!fault) return;
    if (--fault.left <= 0) this.faults.delete(operation);
    throw new S3Error(fault.status, fault.code, fault.message ?? `Injected ${fault.code}`);
  }
}

/** Which operation a path-style request is, from its method, path and sub-resources. */
function routeOf(req: IncomingMessage): Route {
  const url = new URL(req.url ?? '/', 'http://fake-s3');
  const [, bucket = '', ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  const query = url.searchParams;
  if (!bucket || !key) throw new S3Error(501, 'NotImplemented', 'Only object operations are implemented by the fake S3 server.');
  const operation = operationOf(req.method ?? 'GET', query);
  if (!operation) throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  return { operation, bucket: decodeURIComponent(bucket), key, query };
}

function operationOf(method: string, query: URLSearchParams): S3Operation | undefined {
  const upload = query.has('uploadId');
  switch (method) {
    case 'PUT':
      return upload ? 'UploadPart' : 'PutObject';
    case 'POST':
      if (query.has('uploads')) return 'CreateMultipartUpload';
      return upload ? 'CompleteMultipartUpload' : undefined;
    case 'DELETE':
      return upload ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'GET':
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    default:
      return undefined;
  }
}

function send(res: ServerResponse, reply: S3Reply, head: boolean): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.xml !== undefined) {
    res.setHeader('content-type', 'application/xml');
    res.end(reply.xml);
  } else if (reply.body && !head) {
    res.end(reply.body);
  } else {
    res.end();
  }
}
