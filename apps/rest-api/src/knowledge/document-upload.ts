import { type CallHandler, type ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ApiError } from '../http/api-error';
import { DOCUMENT_KINDS, type DocumentKind, documentKindOf } from './chunking/document-chunker';

/** Reference 004 §11: documents up to 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What multer leaves on the request for the `file` field (memory storage). */
export interface UploadedDocument {
  readonly originalname: string;
  readonly size: number;
  readonly buffer: Buffer;
}

export interface DocumentText {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly text: string;
}

const MultipartFile = FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10 } });

/**
 * Reads the multipart field `file` into memory, at most 10 MB: a larger file is 413 with
 * INVALID_REQUEST and the limit in `details`; a malformed multipart body or another file field is 400.
 */
@Injectable()
export class DocumentUploadInterceptor extends MultipartFile {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (err) {
      throw uploadError(err);
    }
  }
}

function uploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err.getStatus() === 413) {
    return new ApiError(413, 'INVALID_REQUEST', 'The file is larger than 10 MB', { max_bytes: MAX_DOCUMENT_BYTES });
  }
  return ApiError.invalid(`Invalid upload: ${err.message}; send multipart/form-data with one file in the field "file"`);
}

/** The uploaded file as text, or 400: no file, another kind than .txt/.md/.csv/.json, or not UTF-8 text. */
export function readDocument(file: UploadedDocument | undefined): DocumentText {
  if (!file) throw ApiError.invalid('Send the document as multipart/form-data in the field "file"');
  const name = file.originalname.trim() || 'document';
  const kind = documentKindOf(name);
  if (!kind) {
    throw ApiError.invalid(`Unsupported file type: ${DOCUMENT_KINDS.map((k) => `.${k}`).join(', ')} are accepted`, {
      accepted: DOCUMENT_KINDS.map((k) => `.${k}`),
    });
  }
  return { name, kind, text: decodeUtf8(file.buffer) };
}

function decodeUtf8(buffer: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    if (text.includes('\u0000')) throw new Error('binary');
    return text;
  } catch {
    throw ApiError.invalid('The file is not UTF-8 text');
  }
}
