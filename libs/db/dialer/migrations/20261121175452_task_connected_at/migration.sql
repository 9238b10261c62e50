-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "connected_at" TIMESTAMPTZ(3);
