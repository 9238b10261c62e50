/*
  Warnings:

  - You are about to drop the column `payload` on the `deliveries` table. All the data in the column will be lost.
  - Added the required column `body` to the `deliveries` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "deliveries" DROP COLUMN "payload",
ADD COLUMN     "body" TEXT NOT NULL,
ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "schedule_start" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "task_id" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "description" TEXT,
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "org_signing_keys" (
    "org_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_signing_keys_pkey" PRIMARY KEY ("org_id")
);
