import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';
import { e164Schema } from '../shared/task.schema';

/** Who carries a trunk's calls: Twilio, or the embedded simulator (no account needed). */
export const sipProviderSchema = z.enum(['twilio', 'simulator']);

/** A carrier's id for a trunk or dispatch rule (reference 004 `ST_…`, `SDR_…`); free text. */
const carrierIdSchema = z.string().trim().min(1).max(128).nullable();

/** What a client sets on a SIP trunk (reference 004 `GET /sip/trunks`), in the bus's camelCase. */
export const sipTrunkFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The number the trunk dials out from (the default caller id of `/sip/dial`). */
  phoneNumber: e164Schema,
  inboundTrunkId: carrierIdSchema.optional(),
  outboundTrunkId: carrierIdSchema.optional(),
  dispatchRuleId: carrierIdSchema.optional(),
  provider: sipProviderSchema.optional(),
});

/** A SIP trunk as the dialer stores it. */
export const sipTrunkSchema = z.object({
  id: entityIdSchema,
  orgId: entityIdSchema,
  name: z.string(),
  phoneNumber: e164Schema,
  inboundTrunkId: z.string().nullable(),
  outboundTrunkId: z.string().nullable(),
  dispatchRuleId: z.string().nullable(),
  provider: sipProviderSchema,
  createdAt: isoDateTimeSchema,
});

/** `dialer.v1.rpc.sip-trunk.create`: CONFLICT when the organization already has a trunk with this number. */
export const sipTrunkCreateRequestSchema = z.object({ orgId: entityIdSchema, fields: sipTrunkFieldsSchema });
/** `dialer.v1.rpc.sip-trunk.list`: an organization's trunks, oldest first (the first is `/sip/dial`'s). */
export const sipTrunkListRequestSchema = z.object({ orgId: entityIdSchema });
export const sipTrunkListReplySchema = z.object({ trunks: z.array(sipTrunkSchema) });
/** `dialer.v1.rpc.sip-trunk.update`: NOT_FOUND for another organization's trunk. */
export const sipTrunkUpdateRequestSchema = z.object({
  orgId: entityIdSchema,
  trunkId: entityIdSchema,
  changes: sipTrunkFieldsSchema.partial(),
});
/** `dialer.v1.rpc.sip-trunk.delete`: NOT_FOUND for another organization's trunk. */
export const sipTrunkDeleteRequestSchema = z.object({ orgId: entityIdSchema, trunkId: entityIdSchema });
export const sipDeleteReplySchema = z.object({ id: entityIdSchema, deleted: z.literal(true) });

export type SipProvider = z.infer<typeof sipProviderSchema>;
export type SipTrunkFields = z.infer<typeof sipTrunkFieldsSchema>;
export type SipTrunk = z.infer<typeof sipTrunkSchema>;
export type SipTrunkCreateRequest = z.infer<typeof sipTrunkCreateRequestSchema>;
export type SipTrunkListRequest = z.infer<typeof sipTrunkListRequestSchema>;
export type SipTrunkListReply = z.infer<typeof sipTrunkListReplySchema>;
export type SipTrunkUpdateRequest = z.infer<typeof sipTrunkUpdateRequestSchema>;
export type SipTrunkDeleteRequest = z.infer<typeof sipTrunkDeleteRequestSchema>;
export type SipDeleteReply = z.infer<typeof sipDeleteReplySchema>;
