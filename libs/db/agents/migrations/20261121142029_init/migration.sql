-- CreateTable
CREATE TABLE "agents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "system_prompt" TEXT NOT NULL,
    "starting_message" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "voice_settings" JSONB,
    "dtmf_rules" JSONB,
    "stt_provider" TEXT NOT NULL DEFAULT 'pocketsphinx',
    "stt_model" TEXT,
    "llm_provider" TEXT NOT NULL DEFAULT 'local',
    "llm_model" TEXT,
    "tts_provider" TEXT NOT NULL DEFAULT 'flite',
    "tts_model" TEXT,
    "voice" TEXT,
    "max_duration_s" INTEGER NOT NULL DEFAULT 1800,
    "max_turns" INTEGER NOT NULL DEFAULT 20,
    "silence_timeout_s" INTEGER NOT NULL DEFAULT 10,
    "recording_enabled" BOOLEAN NOT NULL DEFAULT true,
    "knowledge_text" TEXT,
    "faq" JSONB,
    "tools" JSONB NOT NULL DEFAULT '[]',
    "knowledge_base_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agents_org_id_created_at_idx" ON "agents"("org_id", "created_at");
