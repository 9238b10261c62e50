import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type AgentChangedEvent, eventSubjects, type KeyRevokedEvent } from '@parley/contracts';

/**
 * Publishes the facts that make cached key resolutions stale. Whoever revokes a key or changes
 * an agent calls this after the database write commits; the gateway drops its cache entries on
 * receipt. JetStream stores the facts, so a gateway that was restarting still applies them.
 */
@Injectable()
export class InvalidationEvents {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async keyRevoked(event: KeyRevokedEvent): Promise<void> {
    // A key is revoked once, so its id alone makes a retried publish a duplicate.
    await this.bus.publishEvent(eventSubjects.keyRevoked, event, { msgId: `key-revoked:${event.keyId}` });
  }

  async agentChanged(event: AgentChangedEvent): Promise<void> {
    const msgId = `agent-${event.change}:${event.agentId}:${event.changedAt}`;
    await this.bus.publishEvent(eventSubjects.agentChanged, event, { msgId });
  }
}
