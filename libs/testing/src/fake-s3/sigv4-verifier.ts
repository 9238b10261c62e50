import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { S3Error } from './s3-error';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** S3 refuses a request whose x-amz-date is further than this from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * Checks an `Authorization: AWS4-HMAC-SHA256 ...` header the way S3 does (AWS Signature
 * Version 4, header form): the access key id, the credential scope, the clock skew, the payload
 * hash in `x-amz-content-sha256` against the body, and the signature over the canonical request.
 * Throws the S3Error S3 would answer with.
 */
export function verifySigV4(req: IncomingMessage, body: Buffer, credentials: SigV4Credentials): void {
  const header = req.headers.authorization;
  if (!header) throw new S3Error(403, 'AccessDenied', 'Access Denied');
  const auth = parseAuthorization(header);
  if (auth.accessKeyId !== credentials.accessKeyId) {
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: auth.accessKeyId,
    });
  }
  if (auth.service !== 's3' || auth.region !== credentials.region) {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${auth.region}' is wrong; expecting '${credentials.region}'`,
    );
  }
  const amzDate = singleHeader(req, 'x-amz-date');
  if (!amzDate || !amzDate.startsWith(auth.date) || Math.abs(Date.now() - parseAmzDate(amzDate)) > MAX_SKEW_MS) {
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  }
  const payloadHash = checkPayloadHash(req, body);
  const canonical = canonicalRequest(req, auth.signedHeaders, payloadHash);
  const scope = `${auth.date}/${auth.region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
  const expected = hmac(signingKey(credentials.secretAccessKey, auth.date, auth.region), stringToSign).toString('hex');
  if (!sameText(expected, auth.signature)) {
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
}

function parseAuthorization(header: string): ParsedAuthorization {
  const malformed = new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  if (!header.startsWith(`${ALGORITHM} `)) throw malformed;
  const fields = new Map(
    header
      .slice(ALGORITHM.length + 1)
      .split(',')
      .map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'aws4_request' || !signedHeaders || !signature) {
    throw malformed;
  }
  const [accessKeyId, date, region, service] = credential;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** The payload hash to sign: a hex SHA-256 of the body (checked) or UNSIGNED-PAYLOAD. */
function checkPayloadHash(req: IncomingMessage, body: Buffer): string {
  const declared = singleHeader(req, 'x-amz-content-sha256');
  if (!declared) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (declared === UNSIGNED_PAYLOAD) return declared;
  if (declared.startsWith('STREAMING-')) {
    throw new S3Error(501, 'NotImplemented', 'The fake S3 server does not decode aws-chunked payloads.');
  }
  if (declared !== sha256Hex(body)) {
    throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return declared;
}

function canonicalRequest(req: IncomingMessage, signedHeaders: readonly string[], payloadHash: string): string {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  // S3 signs the path exactly as sent (already URI-encoded once), unlike other services.
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
  const headers = signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req.headers[name])}\n`).join('');
  return [req.method, path, canonicalQuery(query), headers, signedHeaders.join(';'), payloadHash].join('\n');
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const at = pair.indexOf('=');
      const key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
      return [escapeUri(key), escapeUri(value)] as const;
    })
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function canonicalHeaderValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

function signingKey(secret: string, date: string, region: string): Buffer {
  const dateKey = hmac(`AWS4${secret}`, date);
  return hmac(hmac(hmac(dateKey, region), 's3'), 'aws4_request');
}

function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** RFC 3986 escaping as SigV4 wants it: encodeURIComponent plus the characters it leaves. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
