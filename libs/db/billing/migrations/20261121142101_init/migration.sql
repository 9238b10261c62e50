-- CreateEnum
CREATE TYPE "ledger_kind" AS ENUM ('credit', 'debit');

-- CreateTable
CREATE TABLE "accounts" (
    "org_id" UUID NOT NULL,
    "balance_points" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("org_id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "kind" "ledger_kind" NOT NULL,
    "points" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "call_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    -- Hand-edited: Prisma cannot declare CHECK constraints; kind carries the sign.
    CONSTRAINT "ledger_entries_points_positive" CHECK ("points" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_idempotency_key_key" ON "ledger_entries"("idempotency_key");

-- CreateIndex
CREATE INDEX "ledger_entries_org_id_created_at_idx" ON "ledger_entries"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_call_id_idx" ON "ledger_entries"("call_id");

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "accounts"("org_id") ON DELETE RESTRICT ON UPDATE CASCADE;
