import { Inject, Injectable } from '@nestjs/common';
import type { SipConfigFields } from '@parley/contracts';
import type { DialerClient, SipConfig as SipConfigRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';
import { definedFields } from './sip.mapper';

/** What a create found: the new config, or the organization's count when the quota was full. */
export type ConfigCreation = { readonly row: SipConfigRow } | { readonly full: true; readonly used: number };

/** An organization's SIP configs, and the lookup of a called number for inbound calls. */
@Injectable()
export class SipConfigsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  /**
   * Counts and inserts under a transaction-scoped advisory lock on the organization, so two
   * concurrent creates cannot both take the last slot of the quota.
   */
  create(orgId: string, keyId: string, fields: SipConfigFields, maxConfigs: number): Promise<ConfigCreation> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sip-configs:${orgId}`}))`;
      const used = await tx.sipConfig.count({ where: { orgId } });
      if (used >= maxConfigs) return { full: true, used } as const;
      return { row: await tx.sipConfig.create({ data: { ...definedFields(fields), orgId, keyId } }) };
    });
  }

  list(orgId: string): Promise<SipConfigRow[]> {
    return this.db.sipConfig.findMany({ where: { orgId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  byNumber(phoneNumber: string): Promise<SipConfigRow | null> {
    return this.db.sipConfig.findUnique({ where: { phoneNumber } });
  }

  async update(orgId: string, id: string, changes: Partial<SipConfigFields>): Promise<SipConfigRow | null> {
    const { count } = await this.db.sipConfig.updateMany({ where: { id, orgId }, data: definedFields(changes) });
    return count === 1 ? this.db.sipConfig.findFirst({ where: { id, orgId } }) : null;
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.db.sipConfig.deleteMany({ where: { id, orgId } });
    return count === 1;
  }
}
