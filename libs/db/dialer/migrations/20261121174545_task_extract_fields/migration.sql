-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "extract_fields" TEXT[] DEFAULT ARRAY[]::TEXT[];
