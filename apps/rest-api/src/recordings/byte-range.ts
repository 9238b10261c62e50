/** An inclusive byte span of a file, as `Content-Range: bytes start-end/size` names it. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export type RangeRequest =
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly range: ByteRange }
  | { readonly kind: 'unsatisfiable' };

const BYTES_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Reads an HTTP `Range` header (RFC 9110 §14) for a file of `size` bytes: `bytes=0-99` (first
 * bytes), `bytes=500-` (from an offset) and `bytes=-500` (the last bytes). No header, another unit
 * or several ranges serve the whole file (a server may ignore Range); a bytes range that is
 * malformed or starts past the end cannot be satisfied (416).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  const value = header?.trim();
  if (!value || !value.toLowerCase().startsWith('bytes=')) return { kind: 'whole' };
  if (value.includes(',')) return { kind: 'whole' };
  const match = BYTES_RANGE.exec(value.replace(/\s+/g, '').replace(/^bytes=/i, 'bytes='));
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'unsatisfiable' };
  const range = match[1] === '' ? suffix(Number(match[2]), size) : span(Number(match[1]), match[2], size);
  return range ? { kind: 'partial', range } : { kind: 'unsatisfiable' };
}

/** `bytes=-n`: the last n bytes (all of a shorter file). */
function suffix(length: number, size: number): ByteRange | undefined {
  if (length === 0 || size === 0) return undefined;
  return { start: Math.max(0, size - length), end: size - 1 };
}

/** `bytes=a-b` or `bytes=a-`: an end past the file is cut to the file. */
function span(start: number, endText: string, size: number): ByteRange | undefined {
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || (endText !== '' && Number(endText) < start)) return undefined;
  return { start, end };
}
