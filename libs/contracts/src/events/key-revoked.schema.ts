import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema, keyHashSchema } from '../shared/ids.schema';

/**
 * `identity.v1.evt.key.revoked`: an API key stopped working. Carries the key's hash so the
 * gateway can drop its cached resolution at once instead of waiting for the cache TTL.
 */
export const keyRevokedEventSchema = z.object({
  keyId: entityIdSchema,
  orgId: entityIdSchema,
  keyHash: keyHashSchema,
  revokedAt: isoDateTimeSchema,
});

export type KeyRevokedEvent = z.infer<typeof keyRevokedEventSchema>;
