import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type {
  SipConfig,
  SipConfigCreateRequest,
  SipConfigListReply,
  SipConfigUpdateRequest,
  SipDeleteReply,
  SipTrunk,
  SipTrunkCreateRequest,
  SipTrunkListReply,
  SipTrunkUpdateRequest,
} from '@parley/contracts';
import { SipConfigsRepository } from './sip-configs.repository';
import { isUuid, toSipConfig, toSipTrunk } from './sip.mapper';
import { SipTrunksRepository } from './sip-trunks.repository';
import { conflictOnDuplicate } from './unique-violation';

const TRUNK_TAKEN = 'the organization already has a SIP trunk with this phone_number';
const NUMBER_TAKEN = 'this phone_number already has a SIP config';

/**
 * SIP trunks and configs of an organization (reference 004 §10). Another organization's record is
 * NOT_FOUND, exactly like a missing one; the plan's config quota is kept here, atomically.
 */
@Injectable()
export class SipSettingsService {
  constructor(
    @Inject(SipTrunksRepository) private readonly trunks: SipTrunksRepository,
    @Inject(SipConfigsRepository) private readonly configs: SipConfigsRepository,
  ) {}

  async createTrunk({ orgId, fields }: SipTrunkCreateRequest): Promise<SipTrunk> {
    return toSipTrunk(await conflictOnDuplicate(() => this.trunks.create(orgId, fields), TRUNK_TAKEN));
  }

  async listTrunks({ orgId }: { orgId: string }): Promise<SipTrunkListReply> {
    return { trunks: (await this.trunks.list(orgId)).map(toSipTrunk) };
  }

  async updateTrunk({ orgId, trunkId, changes }: SipTrunkUpdateRequest): Promise<SipTrunk> {
    const row = isUuid(trunkId) ? await conflictOnDuplicate(() => this.trunks.update(orgId, trunkId, changes), TRUNK_TAKEN) : null;
    if (!row) throw new BusError('NOT_FOUND', 'SIP trunk not found');
    return toSipTrunk(row);
  }

  async deleteTrunk({ orgId, trunkId }: { orgId: string; trunkId: string }): Promise<SipDeleteReply> {
    if (!isUuid(trunkId) || !(await this.trunks.delete(orgId, trunkId))) throw new BusError('NOT_FOUND', 'SIP trunk not found');
    return { id: trunkId, deleted: true };
  }

  async createConfig({ orgId, keyId, fields, maxConfigs }: SipConfigCreateRequest): Promise<SipConfig> {
    const created = await conflictOnDuplicate(() => this.configs.create(orgId, keyId, fields, maxConfigs), NUMBER_TAKEN);
    if ('full' in created) throw new BusError('QUOTA_EXCEEDED', `the plan allows ${maxConfigs} sip_configs (${created.used} used)`);
    return toSipConfig(created.row);
  }

  async listConfigs({ orgId }: { orgId: string }): Promise<SipConfigListReply> {
    return { configs: (await this.configs.list(orgId)).map(toSipConfig) };
  }

  async updateConfig({ orgId, configId, changes }: SipConfigUpdateRequest): Promise<SipConfig> {
    const row = isUuid(configId) ? await conflictOnDuplicate(() => this.configs.update(orgId, configId, changes), NUMBER_TAKEN) : null;
    if (!row) throw new BusError('NOT_FOUND', 'SIP config not found');
    return toSipConfig(row);
  }

  async deleteConfig({ orgId, configId }: { orgId: string; configId: string }): Promise<SipDeleteReply> {
    if (!isUuid(configId) || !(await this.configs.delete(orgId, configId))) throw new BusError('NOT_FOUND', 'SIP config not found');
    return { id: configId, deleted: true };
  }
}
