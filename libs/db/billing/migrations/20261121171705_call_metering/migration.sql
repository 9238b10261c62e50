-- CreateTable
CREATE TABLE "usage_events" (
    "call_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "org_id" UUID NOT NULL,
    "seconds" INTEGER NOT NULL,
    "points" BIGINT NOT NULL,
    "stt_audio_ms" INTEGER NOT NULL,
    "llm_input_tokens" INTEGER NOT NULL,
    "llm_output_tokens" INTEGER NOT NULL,
    "tts_characters" INTEGER NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("call_id","seq")
);

-- CreateTable
CREATE TABLE "call_meters" (
    "call_id" TEXT NOT NULL,
    "org_id" UUID NOT NULL,
    "agent_id" TEXT NOT NULL,
    "provider_class" TEXT NOT NULL,
    "stt_provider" TEXT NOT NULL,
    "llm_provider" TEXT NOT NULL,
    "llm_model" TEXT NOT NULL,
    "tts_provider" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,
    "points" BIGINT NOT NULL DEFAULT 0,
    "unpaid_points" BIGINT NOT NULL DEFAULT 0,
    "stt_audio_ms" BIGINT NOT NULL DEFAULT 0,
    "llm_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "llm_output_tokens" BIGINT NOT NULL DEFAULT 0,
    "tts_characters" BIGINT NOT NULL DEFAULT 0,
    "exhausted_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "reason" TEXT,
    "settled_at" TIMESTAMPTZ(3),
    "cost_llm" DOUBLE PRECISION,
    "cost_stt" DOUBLE PRECISION,
    "cost_tts" DOUBLE PRECISION,

    CONSTRAINT "call_meters_pkey" PRIMARY KEY ("call_id")
);

-- CreateIndex
CREATE INDEX "call_meters_org_id_started_at_idx" ON "call_meters"("org_id", "started_at");
