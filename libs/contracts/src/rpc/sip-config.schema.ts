import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';
import { e164Schema } from '../shared/task.schema';

/** What a client sets on a SIP config (reference 004 `GET /sip/configs`): a called number → an agent. */
export const sipConfigFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The number callers dial; one config per number across the platform. */
  phoneNumber: e164Schema,
  agentId: entityIdSchema,
  dtmfEnabled: z.boolean().optional(),
  /** Seconds an inbound call may last. */
  maxCallDuration: z.int().min(30).max(14_400).optional(),
});

/** A SIP config as the dialer stores it. */
export const sipConfigSchema = z.object({
  id: entityIdSchema,
  orgId: entityIdSchema,
  name: z.string(),
  phoneNumber: e164Schema,
  agentId: entityIdSchema,
  dtmfEnabled: z.boolean(),
  maxCallDuration: z.int().positive(),
  createdAt: isoDateTimeSchema,
});

/**
 * `dialer.v1.rpc.sip-config.create`: rest-api → dialer after it checked the agent belongs to the
 * organization. `maxConfigs` is the plan's quota, counted and kept atomically by the dialer
 * (QUOTA_EXCEEDED when full); CONFLICT when the number already has a config. `keyId` is the key
 * inbound calls to the number are attributed to.
 */
export const sipConfigCreateRequestSchema = z.object({
  orgId: entityIdSchema,
  keyId: entityIdSchema,
  fields: sipConfigFieldsSchema,
  maxConfigs: z.int().nonnegative(),
});
/** `dialer.v1.rpc.sip-config.list`: an organization's configs, oldest first. */
export const sipConfigListRequestSchema = z.object({ orgId: entityIdSchema });
export const sipConfigListReplySchema = z.object({ configs: z.array(sipConfigSchema) });
/** `dialer.v1.rpc.sip-config.update`: NOT_FOUND for another organization's config. */
export const sipConfigUpdateRequestSchema = z.object({
  orgId: entityIdSchema,
  configId: entityIdSchema,
  changes: sipConfigFieldsSchema.partial(),
});
/** `dialer.v1.rpc.sip-config.delete`: NOT_FOUND for another organization's config. */
export const sipConfigDeleteRequestSchema = z.object({ orgId: entityIdSchema, configId: entityIdSchema });

export type SipConfigFields = z.infer<typeof sipConfigFieldsSchema>;
export type SipConfig = z.infer<typeof sipConfigSchema>;
export type SipConfigCreateRequest = z.infer<typeof sipConfigCreateRequestSchema>;
export type SipConfigListRequest = z.infer<typeof sipConfigListRequestSchema>;
export type SipConfigListReply = z.infer<typeof sipConfigListReplySchema>;
export type SipConfigUpdateRequest = z.infer<typeof sipConfigUpdateRequestSchema>;
export type SipConfigDeleteRequest = z.infer<typeof sipConfigDeleteRequestSchema>;
