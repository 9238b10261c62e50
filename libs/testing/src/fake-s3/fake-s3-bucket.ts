import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { crc32 } from 'node:zlib';
import { S3Error, unescapeXml, xmlDocument, xmlElement } from './s3-error';

/** S3's floor for every part of a multipart upload but the last. */
export const S3_MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface S3Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly xml?: string;
}

interface StoredObject {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly lastModified: Date;
}

interface Part {
  readonly body: Buffer;
  readonly etag: string;
}

interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly contentType: string;
  readonly parts: Map<number, Part>;
}

/** One bucket of the fake S3 server: objects and open multipart uploads, with S3's rules. */
export class FakeS3Bucket {
  readonly objects = new Map<string, StoredObject>();
  readonly uploads = new Map<string, MultipartUpload>();

  constructor(readonly name: string) {}

  putObject(key: string, body: Buffer, headers: IncomingHttpHeaders): S3Reply {
    verifyChecksums(body, headers);
    const etag = `"${md5(body).toString('hex')}"`;
    this.objects.set(key, { body, etag, contentType: contentTypeOf(headers), lastModified: new Date() });
    return { status: 200, headers: { etag, ...echoedChecksum(headers) } };
  }

  getObject(key: string, range: string | undefined): S3Reply {
    const object = this.stored(key);
    const size = object.body.length;
    const headers = { ...objectHeaders(object), 'accept-ranges': 'bytes' };
    const wanted = range ? parseRange(range, size) : undefined;
    if (!wanted) return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: object.body };
    const [start, end] = wanted;
    return {
      status: 206,
      headers: { ...headers, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` },
      body: object.body.subarray(start, end + 1),
    };
  }

  headObject(key: string): S3Reply {
    const object = this.stored(key);
    return {
      status: 200,
      headers: { ...objectHeaders(object), 'accept-ranges': 'bytes', 'content-length': String(object.body.length) },
    };
  }

  /** S3 answers 204 whether or not the key existed. */
  deleteObject(key: string): S3Reply {
    this.objects.delete(key);
    return { status: 204 };
  }

  createMultipartUpload(key: string, headers: IncomingHttpHeaders): S3Reply {
    const uploadId = randomUUID().replace(/-/g, '');
    this.uploads.set(uploadId, { uploadId, key, contentType: contentTypeOf(headers), parts: new Map() });
    const result = [xmlElement('Bucket', this.name), xmlElement('Key', key), xmlElement('UploadId', uploadId)];
    return { status: 200, xml: xmlDocument(resultElement('InitiateMultipartUploadResult', result)) };
  }

  uploadPart(key: string, uploadId: string, partNumberText: string, body: Buffer, headers: IncomingHttpHeaders): S3Reply {
    const partNumber = Number(partNumberText);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new S3Error(400, 'InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`);
    }
    const upload = this.upload(key, uploadId);
    verifyChecksums(body, headers);
    const etag = `"${md5(body).toString('hex')}"`;
    upload.parts.set(partNumber, { body, etag });
    return { status: 200, headers: { etag, ...echoedChecksum(headers) } };
  }

  completeMultipartUpload(key: string, uploadId: string, xml: string): S3Reply {
    const upload = this.upload(key, uploadId);
    const listed = parseCompleteRequest(xml);
    // S3's order of checks: the list's order, then each part's existence, then the sizes.
    if (listed.some((part, index) => index > 0 && part.partNumber <= listed[index - 1].partNumber)) {
      throw new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    }
    const parts = listed.map(({ partNumber, etag }) => {
      const part = upload.parts.get(partNumber);
      if (!part || unquote(part.etag) !== unquote(etag)) {
        throw new S3Error(400, 'InvalidPart', 'One or more of the specified parts could not be found.', { UploadId: uploadId });
      }
      return part;
    });
    if (parts.some((part, index) => index < parts.length - 1 && part.body.length < S3_MIN_PART_BYTES)) {
      throw new S3Error(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.');
    }
    const body = Buffer.concat(parts.map((part) => part.body));
    const digests = Buffer.concat(parts.map((part) => Buffer.from(unquote(part.etag), 'hex')));
    const etag = `"${md5(digests).toString('hex')}-${parts.length}"`;
    this.objects.set(key, { body, etag, contentType: upload.contentType, lastModified: new Date() });
    this.uploads.delete(uploadId);
    const result = [
      xmlElement('Location', `/${this.name}/${key}`),
      xmlElement('Bucket', this.name),
      xmlElement('Key', key),
      xmlElement('ETag', etag),
    ];
    return { status: 200, xml: xmlDocument(resultElement('CompleteMultipartUploadResult', result)) };
  }

  abortMultipartUpload(key: string, uploadId: string): S3Reply {
    this.upload(key, uploadId);
    this.uploads.delete(uploadId);
    return { status: 204 };
  }

  private stored(key: string): StoredObject {
    const object = this.objects.get(key);
    if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    return object;
  }

  private upload(key: string, uploadId: string): MultipartUpload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.key !== key) {
      throw new S3Error(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    }
    return upload;
  }
}

/**
 * One `bytes=` range as S3 serves it: `a-b`, `a-` or `-n` (the last n bytes), inclusive, cut to
 * the object. An unsatisfiable range is 416 InvalidRange; a malformed one is ignored (the whole object).
 */
function parseRange(header: string, size: number): [number, number] | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first, last] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw invalidRange(header, size);
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) throw invalidRange(header, size);
  if (end < start) return undefined;
  return [start, end];
}

function invalidRange(header: string, size: number): S3Error {
  return new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
    RangeRequested: header,
    ActualObjectSize: String(size),
  });
}

/** The `<Part>` list of a CompleteMultipartUpload body. */
function parseCompleteRequest(xml: string): { partNumber: number; etag: string }[] {
  if (!/<CompleteMultipartUpload[\s>]/.test(xml)) {
    throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  }
  const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, inner]) => ({
    partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(inner)?.[1]),
    etag: unescapeXml(/<ETag>([\s\S]*?)<\/ETag>/.exec(inner)?.[1] ?? ''),
  }));
  if (parts.length === 0 || parts.some((part) => !Number.isInteger(part.partNumber))) {
    throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  }
  return parts;
}

/** Content-MD5 and the SDK's flexible CRC32 checksum, when sent, must match the body. */
function verifyChecksums(body: Buffer, headers: IncomingHttpHeaders): void {
  const md5Header = headers['content-md5'];
  if (md5Header && md5Header !== md5(body).toString('base64')) {
    throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const crcHeader = headers['x-amz-checksum-crc32'];
  if (crcHeader && crcHeader !== crc32Base64(body)) {
    throw new S3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
  }
}

function echoedChecksum(headers: IncomingHttpHeaders): Record<string, string> {
  const crc = headers['x-amz-checksum-crc32'];
  return typeof crc === 'string' ? { 'x-amz-checksum-crc32': crc } : {};
}

function crc32Base64(body: Buffer): string {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(body));
  return digest.toString('base64');
}

function objectHeaders(object: StoredObject): Record<string, string> {
  return { etag: object.etag, 'content-type': object.contentType, 'last-modified': object.lastModified.toUTCString() };
}

function contentTypeOf(headers: IncomingHttpHeaders): string {
  return headers['content-type'] ?? 'binary/octet-stream';
}

function resultElement(name: string, children: readonly string[]): string {
  return `<${name} xmlns="${XMLNS}">${children.join('')}</${name}>`;
}

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}
