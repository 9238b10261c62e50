import type { NatsConnection } from '@nats-io/nats-core';
import type { BusLogger } from './bus-logger';

/**
 * Logs the connection events an operator acts on. The client recovers from them by
 * itself; without these lines a flapping link or a lagging handler would be invisible.
 * Ends when the connection closes.
 */
export async function watchStatus(nc: Pick<NatsConnection, 'status'>, log: BusLogger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') log.warn({ server: status.server }, 'nats disconnected');
    else if (status.type === 'reconnect') log.warn({ server: status.server }, 'nats reconnected');
    else if (status.type === 'slowConsumer') {
      log.warn({ subject: status.sub.getSubject(), pending: status.pending }, 'nats subscription falling behind');
    } else if (status.type === 'error') log.error({ err: status.error }, 'nats server error');
  }
}
