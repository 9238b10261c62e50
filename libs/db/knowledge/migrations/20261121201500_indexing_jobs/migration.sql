-- Background indexing (issue 8): a knowledge base is "indexing" while a worker holds one of its jobs.
-- Hand-written: ADD VALUE runs inside the migration's transaction, so nothing below uses 'indexing'.
ALTER TYPE "indexing_status" ADD VALUE IF NOT EXISTS 'indexing' AFTER 'pending';

-- AlterTable: embeddings of an OpenAI-compatible provider (unit length, so a dot product is the cosine);
-- NULL when no provider is configured or the chunk waits for its embedding.
ALTER TABLE "chunks" ADD COLUMN "embedding" REAL[];
ALTER TABLE "chunks" ADD COLUMN "job_id" UUID;

-- CreateTable: one durable indexing job per upload, ingest, reindex or chunk edit. Workers claim
-- pending jobs (and running ones whose lease ran out) with FOR UPDATE SKIP LOCKED.
CREATE TABLE "indexing_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "knowledge_base_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "content" TEXT,
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "status" "indexing_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "indexing_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "indexing_jobs_status_created_at_idx" ON "indexing_jobs"("status", "created_at");
CREATE INDEX "indexing_jobs_knowledge_base_id_idx" ON "indexing_jobs"("knowledge_base_id");

-- AddForeignKey
ALTER TABLE "indexing_jobs" ADD CONSTRAINT "indexing_jobs_knowledge_base_id_fkey" FOREIGN KEY ("knowledge_base_id") REFERENCES "knowledge_bases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
