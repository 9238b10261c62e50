import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import { ApiKeyResolver } from './api-key-resolver';
import { RevocationMarks } from './revocation-marks';

/**
 * Applies `identity.v1.evt.key.revoked` to REST auth, whoever revoked the key: the Redis mark
 * stops every instance at once, and this instance drops its cached resolution (every process
 * also drops it on the live event, `KeyRevocationWatch`). One durable consumer shared by all
 * instances and cluster workers, since the mark they all read is shared.
 */
@Injectable()
export class KeyRevocationConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(ApiKeyResolver) private readonly resolver: ApiKeyResolver,
    @Inject(RevocationMarks) private readonly marks: RevocationMarks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.identity, 'rest-api-key-auth', async (event) => {
      if (event.subject !== eventSubjects.keyRevoked) return;
      await this.marks.mark(event.payload.keyId);
      this.resolver.forget(event.payload.keyHash);
    });
  }
}
