import { packRecords } from './record-packer';
import type { ChunkOptions } from './text-chunker';

/**
 * CSV by record: the header line is repeated at the top of every chunk so each chunk names its
 * columns, and rows are never split unless one alone is longer than a chunk. A quoted field may
 * hold line breaks; the record ends at the first line break outside quotes.
 */
export function chunkCsv(text: string, options: ChunkOptions): string[] {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const [header, ...rows] = records;
  if (header === undefined) return [];
  if (rows.length === 0) return packRecords([header], options);
  return packRecords(rows, options, header.length <= options.size / 2 ? header : '');
}

/** The raw text of each non-blank record, quotes kept. */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  records.push(text.slice(start));
  return records.map((record) => record.replace(/\r$/, '')).filter((record) => record.trim() !== '');
}
