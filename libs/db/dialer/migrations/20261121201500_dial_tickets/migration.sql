-- AlterTable: the key that created the task (calls are attributed to it) and the one-time dial
-- ticket of its current call (only the SHA-256 hex of the ticket is stored).
ALTER TABLE "tasks" ADD COLUMN     "key_id" UUID,
ADD COLUMN     "dial_ticket_hash" TEXT,
ADD COLUMN     "dial_ticket_expires_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "tasks_dial_ticket_hash_key" ON "tasks"("dial_ticket_hash");
