import { e164Schema, sipProviderSchema, taskContextDataSchema } from '@parley/contracts';
import { z } from 'zod';

const carrierId = z.string().trim().min(1).max(128).nullable().optional();
const atLeastOne = { message: 'give at least one field to update' };

/** The fields of a SIP trunk (reference 004 `GET /sip/trunks`), shared by create and patch. */
const trunkFields = {
  name: z.string().trim().min(1).max(200),
  phone_number: e164Schema,
  inbound_trunk_id: carrierId,
  outbound_trunk_id: carrierId,
  dispatch_rule_id: carrierId,
  /** Not in reference 004: who carries the calls; `twilio` when absent. */
  provider: sipProviderSchema.optional(),
};

/** The fields of a SIP config (reference 004 `GET /sip/configs`). */
const configFields = {
  name: z.string().trim().min(1).max(200),
  phone_number: e164Schema,
  /** The agent that answers the number (reference 004 calls agents "agent configs"). */
  agent_config_id: z.uuid(),
  dtmf_enabled: z.boolean().optional(),
  /** Seconds. */
  max_call_duration: z.int().min(30).max(14_400).optional(),
};

export const sipTrunkCreateBodySchema = z.strictObject(trunkFields);
export const sipTrunkPatchBodySchema = z
  .strictObject({ ...trunkFields, name: trunkFields.name.optional(), phone_number: trunkFields.phone_number.optional() })
  .refine((body) => Object.keys(body).length > 0, atLeastOne);

export const sipConfigCreateBodySchema = z.strictObject(configFields);
export const sipConfigPatchBodySchema = z
  .strictObject({
    name: configFields.name.optional(),
    phone_number: configFields.phone_number.optional(),
    agent_config_id: configFields.agent_config_id.optional(),
    dtmf_enabled: configFields.dtmf_enabled,
    max_call_duration: configFields.max_call_duration,
  })
  .refine((body) => Object.keys(body).length > 0, atLeastOne);

/** `POST /api/v1/sip/dial` (reference 004). */
export const sipDialBodySchema = z.strictObject({
  phone_number: e164Schema,
  /** The organization's first enabled agent when absent. */
  agent_config_id: z.uuid().optional(),
  room_name: z.string().trim().min(1).max(100).optional(),
  caller_id: e164Schema.optional(),
  metadata: taskContextDataSchema.optional(),
});

export const sipParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type SipTrunkCreateBody = z.infer<typeof sipTrunkCreateBodySchema>;
export type SipTrunkPatchBody = z.infer<typeof sipTrunkPatchBodySchema>;
export type SipConfigCreateBody = z.infer<typeof sipConfigCreateBodySchema>;
export type SipConfigPatchBody = z.infer<typeof sipConfigPatchBodySchema>;
export type SipDialBody = z.infer<typeof sipDialBodySchema>;
