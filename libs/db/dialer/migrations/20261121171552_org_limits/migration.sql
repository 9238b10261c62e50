-- CreateTable
CREATE TABLE "org_limits" (
    "org_id" UUID NOT NULL,
    "max_concurrent_calls" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_limits_pkey" PRIMARY KEY ("org_id")
);
