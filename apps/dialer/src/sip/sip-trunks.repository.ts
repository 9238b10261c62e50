import { Inject, Injectable } from '@nestjs/common';
import type { SipTrunkFields } from '@parley/contracts';
import type { DialerClient, SipTrunk as SipTrunkRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';
import { definedFields } from './sip.mapper';

/** An organization's SIP trunks. Every query names the organization: another's trunk is not found. */
@Injectable()
export class SipTrunksRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  create(orgId: string, fields: SipTrunkFields): Promise<SipTrunkRow> {
    return this.db.sipTrunk.create({ data: { ...definedFields(fields), orgId } });
  }

  /** Oldest first: the first is the one `/sip/dial` uses. */
  list(orgId: string): Promise<SipTrunkRow[]> {
    return this.db.sipTrunk.findMany({ where: { orgId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** The trunk outbound calls go through: the oldest one. */
  first(orgId: string): Promise<SipTrunkRow | null> {
    return this.db.sipTrunk.findFirst({ where: { orgId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async update(orgId: string, id: string, changes: Partial<SipTrunkFields>): Promise<SipTrunkRow | null> {
    const { count } = await this.db.sipTrunk.updateMany({ where: { id, orgId }, data: definedFields(changes) });
    return count === 1 ? this.db.sipTrunk.findFirst({ where: { id, orgId } }) : null;
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.db.sipTrunk.deleteMany({ where: { id, orgId } });
    return count === 1;
  }
}
