-- CreateEnum
CREATE TYPE "call_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "call_status" AS ENUM ('initiated', 'in_progress', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "transcript_role" AS ENUM ('user', 'agent', 'system');

-- CreateEnum
CREATE TYPE "recording_status" AS ENUM ('recording', 'completed', 'failed');

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "api_key_id" UUID,
    "task_id" UUID,
    "direction" "call_direction" NOT NULL,
    "status" "call_status" NOT NULL DEFAULT 'initiated',
    "end_reason" TEXT,
    "from_number" TEXT,
    "to_number" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "latency" JSONB,
    "cost" JSONB,
    "report" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcript_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "call_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "role" "transcript_role" NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transcript_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recordings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "call_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'wav',
    "bytes" INTEGER,
    "duration_ms" INTEGER,
    "status" "recording_status" NOT NULL DEFAULT 'recording',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recordings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calls_org_id_created_at_idx" ON "calls"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "calls_agent_id_created_at_idx" ON "calls"("agent_id", "created_at");

-- CreateIndex
CREATE INDEX "calls_task_id_idx" ON "calls"("task_id");

-- CreateIndex
CREATE UNIQUE INDEX "transcript_entries_call_id_seq_key" ON "transcript_entries"("call_id", "seq");

-- CreateIndex
CREATE INDEX "recordings_call_id_idx" ON "recordings"("call_id");

-- AddForeignKey
ALTER TABLE "transcript_entries" ADD CONSTRAINT "transcript_entries_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
