import type { ChunkRow } from './chunks.repository';
import type { KnowledgeBaseWithStats } from './knowledge-bases.repository';
import type { RankedChunk } from './knowledge-search.repository';
import type { ChunkView, KnowledgeBaseView } from './knowledge-view.schema';

/** Reference 004 §11: chunk lists show the first 200 characters of each chunk. */
export const LIST_CONTENT_CHARS = 200;

export function toKnowledgeBaseView(base: KnowledgeBaseWithStats): KnowledgeBaseView {
  return {
    id: base.id,
    name: base.name,
    description: base.description,
    chunk_size: base.chunkSize,
    chunk_overlap: base.chunkOverlap,
    chunk_count: base.chunkCount,
    total_chars: base.totalChars,
    indexing_status: base.indexingStatus,
    last_indexed_at: base.lastIndexedAt?.toISOString() ?? null,
    created_at: base.createdAt.toISOString(),
  };
}

export function toChunkView(chunk: ChunkRow, truncate = false): ChunkView {
  return {
    id: chunk.id,
    content: truncate ? chunk.content.slice(0, LIST_CONTENT_CHARS) : chunk.content,
    source: chunk.source,
    chunk_index: chunk.chunkIndex,
    is_active: chunk.isActive,
    created_at: chunk.createdAt.toISOString(),
    updated_at: chunk.updatedAt.toISOString(),
  };
}

export function toSearchResult(chunk: RankedChunk) {
  return {
    chunk_id: chunk.id,
    knowledge_base_id: chunk.knowledgeBaseId,
    content: chunk.content,
    source: chunk.source,
    chunk_index: chunk.chunkIndex,
    score: chunk.score,
  };
}
