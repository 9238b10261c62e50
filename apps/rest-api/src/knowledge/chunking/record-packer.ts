import { type ChunkOptions, chunkText } from './text-chunker';

/**
 * Packs whole records (CSV rows, JSON elements) into chunks of at most `size` characters, one
 * record a line, each chunk starting with `header` when there is one. A record too long for a
 * chunk of its own is cut by `chunkText`, each piece under the header. Records never overlap:
 * each is whole, so there is no sentence to carry over.
 */
export function packRecords(records: readonly string[], options: ChunkOptions, header = ''): string[] {
  const prefix = header ? `${header}\n` : '';
  const room = options.size - prefix.length;
  const chunks: string[] = [];
  let body = '';
  for (const record of records) {
    const joined = body ? `${body}\n${record}` : record;
    if (joined.length <= room) {
      body = joined;
      continue;
    }
    if (body) chunks.push(prefix + body);
    body = '';
    if (record.length <= room) body = record;
    else {
      const pieceSize = Math.max(room, Math.ceil(options.size / 2));
      const overlap = Math.min(options.overlap, Math.floor(pieceSize / 2));
      for (const piece of chunkText(record, { size: pieceSize, overlap })) chunks.push(prefix + piece);
    }
  }
  if (body) chunks.push(prefix + body);
  return chunks;
}
