-- CreateTable
CREATE TABLE "call_answers" (
    "call_id" UUID NOT NULL,
    "answered_by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_answers_pkey" PRIMARY KEY ("call_id")
);
