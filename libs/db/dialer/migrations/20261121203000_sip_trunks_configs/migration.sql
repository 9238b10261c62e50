-- CreateTable
CREATE TABLE "sip_trunks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone_number" TEXT NOT NULL,
    "inbound_trunk_id" TEXT,
    "outbound_trunk_id" TEXT,
    "dispatch_rule_id" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'twilio',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sip_trunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sip_configs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "key_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone_number" TEXT NOT NULL,
    "agent_id" UUID NOT NULL,
    "dtmf_enabled" BOOLEAN NOT NULL DEFAULT true,
    "max_call_duration" INTEGER NOT NULL DEFAULT 1800,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sip_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sip_inbound_calls" (
    "call_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "config_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "key_id" UUID NOT NULL,
    "to_number" TEXT NOT NULL,
    "from_number" TEXT,
    "ticket_hash" TEXT,
    "ticket_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "admitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sip_inbound_calls_pkey" PRIMARY KEY ("call_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sip_trunks_org_id_phone_number_key" ON "sip_trunks"("org_id", "phone_number");

-- CreateIndex
CREATE INDEX "sip_trunks_org_id_created_at_idx" ON "sip_trunks"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sip_configs_phone_number_key" ON "sip_configs"("phone_number");

-- CreateIndex
CREATE INDEX "sip_configs_org_id_created_at_idx" ON "sip_configs"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sip_inbound_calls_ticket_hash_key" ON "sip_inbound_calls"("ticket_hash");
