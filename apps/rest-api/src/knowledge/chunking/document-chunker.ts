import { chunkCsv } from './csv-chunker';
import { chunkJson } from './json-chunker';
import { type ChunkOptions, chunkText } from './text-chunker';

/** The document kinds an upload may be (reference 004 §11), by file extension. */
export const DOCUMENT_KINDS = ['txt', 'md', 'csv', 'json'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kind of `fileName` by its extension, or undefined for any other file. */
export function documentKindOf(fileName: string): DocumentKind | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return DOCUMENT_KINDS.find((kind) => kind === extension);
}

/** Chunks a document by its kind: prose (txt, md) by sentence and paragraph, CSV by row, JSON by element. */
export function chunkDocument(text: string, kind: DocumentKind, options: ChunkOptions): string[] {
  switch (kind) {
    case 'csv':
      return chunkCsv(text, options);
    case 'json':
      return chunkJson(text, options);
    default:
      return chunkText(text, options);
  }
}
