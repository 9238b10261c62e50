import { z } from 'zod';

/** A SIP trunk as reference 004 shows it, plus `provider` and `created_at`. */
export const sipTrunkViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone_number: z.string(),
  inbound_trunk_id: z.string().nullable(),
  outbound_trunk_id: z.string().nullable(),
  dispatch_rule_id: z.string().nullable(),
  provider: z.string(),
  created_at: z.string(),
});

/** A SIP config as reference 004 shows it; `agent_name` is null when the agent was deleted since. */
export const sipConfigViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone_number: z.string(),
  agent_config_id: z.uuid(),
  agent_name: z.string().nullable(),
  dtmf_enabled: z.boolean(),
  max_call_duration: z.int(),
  created_at: z.string(),
});

export const sipTrunkListViewSchema = z.object({ trunks: z.array(sipTrunkViewSchema) });
export const sipConfigListViewSchema = z.object({ configs: z.array(sipConfigViewSchema) });
export const sipDeleteViewSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

/**
 * `POST /sip/dial`: reference 004's `call`, mapped onto Parley: the room is the call, so
 * `session_id` is the call id (as `/calls/:id`), and the call runs as task `task_id`.
 */
export const sipDialViewSchema = z.object({
  call: z.object({
    room_name: z.string(),
    full_room_name: z.string(),
    phone_number: z.string(),
    caller_id: z.string(),
    trunk_id: z.string(),
    session_id: z.string(),
    sip_participant_id: z.string(),
    task_id: z.uuid(),
    agent_config_id: z.uuid(),
    status: z.literal('dialing'),
  }),
});

export type SipTrunkView = z.infer<typeof sipTrunkViewSchema>;
export type SipConfigView = z.infer<typeof sipConfigViewSchema>;
export type SipDialView = z.infer<typeof sipDialViewSchema>;
