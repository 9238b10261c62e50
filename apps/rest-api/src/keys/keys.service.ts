import { Inject, Injectable } from '@nestjs/common';
import type { ApiKey } from '@parley/db-identity';
import { ApiKeyResolver } from '../auth/api-key-resolver';
import { generateApiKey } from '../auth/api-key-secret';
import { KeyRevocationWatch } from '../auth/key-revocation.watch';
import { RevocationMarks } from '../auth/revocation-marks';
import { ApiError } from '../http/api-error';
import { paginated } from '../http/paginated';
import { InvalidationEvents } from '../identity/invalidation-events.publisher';
import type { KeyCreate, KeyListQuery } from './key.schemas';
import { toKeyView } from './key-view.mapper';
import { KeysRepository } from './keys.repository';

/** Dashboard key management: create (raw key shown once), list, revoke, regenerate. */
@Injectable()
export class KeysService {
  constructor(
    @Inject(KeysRepository) private readonly keys: KeysRepository,
    @Inject(InvalidationEvents) private readonly events: InvalidationEvents,
    @Inject(RevocationMarks) private readonly marks: RevocationMarks,
    @Inject(ApiKeyResolver) private readonly resolver: ApiKeyResolver,
    @Inject(KeyRevocationWatch) private readonly revocations: KeyRevocationWatch,
  ) {}

  async list(orgId: string, query: KeyListQuery) {
    const { rows, total } = await this.keys.list(orgId, query);
    return paginated(rows.map(toKeyView), total, query);
  }

  async create(orgId: string, body: KeyCreate) {
    const agentId = body.agent_id ?? null;
    if (agentId && !(await this.keys.agentBelongsTo(orgId, agentId))) throw ApiError.notFound('Agent');
    const secret = generateApiKey();
    const row = await this.keys.create(orgId, { name: body.name, agentId, secret });
    return { ...toKeyView(row), key: secret.raw };
  }

  /** Revoking twice answers the revoked key again. */
  async revoke(orgId: string, id: string) {
    const revoked = await this.keys.revoke(orgId, id, new Date());
    if (revoked) {
      await this.announceRevoked(revoked);
      return toKeyView(revoked);
    }
    const existing = await this.keys.find(orgId, id);
    if (!existing) throw ApiError.notFound('API key');
    return toKeyView(existing);
  }

  /** A new secret under the same name and agent; the old key stops working at once. */
  async regenerate(orgId: string, id: string) {
    const existing = await this.keys.find(orgId, id);
    if (!existing) throw ApiError.notFound('API key');
    const secret = generateApiKey();
    const replaced = await this.keys.replace(orgId, id, { name: existing.name, agentId: existing.agentId, secret }, new Date());
    if (!replaced) throw ApiError.conflict('A revoked key cannot be regenerated', { status: 'revoked' });
    await this.announceRevoked(replaced.old);
    return { ...toKeyView(replaced.fresh), key: secret.raw };
  }

  /** Every REST instance and the gateway's cache must stop honouring the key now. */
  private async announceRevoked(key: ApiKey): Promise<void> {
    await this.marks.mark(key.id);
    this.resolver.forget(key.hash);
    this.revocations.revoked(key.id); // this process's sockets close now, without the bus round trip
    const revokedAt = (key.revokedAt ?? new Date()).toISOString();
    await this.events.keyRevoked({ keyId: key.id, orgId: key.orgId, keyHash: key.hash, revokedAt });
  }
}
