-- CreateTable
CREATE TABLE "call_lines" (
    "call_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_lines_pkey" PRIMARY KEY ("call_id","seq")
);

-- CreateTable
CREATE TABLE "call_reports" (
    "call_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "extracted" JSONB NOT NULL DEFAULT '{}',
    "generated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_reports_pkey" PRIMARY KEY ("call_id")
);

-- CreateIndex
CREATE INDEX "call_reports_task_id_idx" ON "call_reports"("task_id");
