import { packRecords } from './record-packer';
import { type ChunkOptions, chunkText } from './text-chunker';

/** The document is not JSON; the message says where the parser stopped. */
export class InvalidJsonDocumentError extends Error {
  override readonly name = 'InvalidJsonDocumentError';
}

/**
 * JSON by record: an array by element, an object by property (`{"key": value}`), each record
 * compact JSON on its own line, several to a chunk while they fit. A bare string or number is
 * chunked as text.
 */
export function chunkJson(text: string, options: ChunkOptions): string[] {
  const value = parse(text);
  if (Array.isArray(value)) return packRecords(value.map((item) => JSON.stringify(item)), options);
  if (value !== null && typeof value === 'object') {
    const records = Object.entries(value as Record<string, unknown>).map(([key, item]) => JSON.stringify({ [key]: item }));
    return packRecords(records, options);
  }
  return chunkText(typeof value === 'string' ? value : JSON.stringify(value), options);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new InvalidJsonDocumentError(err instanceof Error ? err.message : 'not JSON');
  }
}
