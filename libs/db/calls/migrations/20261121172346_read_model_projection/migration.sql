-- The read model projected from call events that may arrive in any order: a transcript line or a
-- recording can create the call row before `call.started` names its agent, direction and channel.

-- Reference 004 §9 spells a failed recording "error".
ALTER TYPE "recording_status" RENAME VALUE 'failed' TO 'error';

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "channel" TEXT,
ALTER COLUMN "agent_id" DROP NOT NULL,
ALTER COLUMN "direction" DROP NOT NULL;

-- AlterTable: org_id is copied from the call, so existing rows are backfilled before it is required.
ALTER TABLE "recordings" ADD COLUMN     "channels" INTEGER,
ADD COLUMN     "org_id" UUID,
ADD COLUMN     "sample_rate" INTEGER,
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "stopped_at" TIMESTAMPTZ(3);
UPDATE "recordings" r SET "org_id" = c."org_id" FROM "calls" c WHERE c."id" = r."call_id";
ALTER TABLE "recordings" ALTER COLUMN "org_id" SET NOT NULL;

-- AlterTable
ALTER TABLE "transcript_entries" ADD COLUMN     "interrupted" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "calls_org_id_status_created_at_idx" ON "calls"("org_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "recordings_org_id_created_at_idx" ON "recordings"("org_id", "created_at");
