import type { Bus } from '@parley/bus';
import { eventSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { UsagePublisher } from './call-meter';

/**
 * Usage events on JetStream, `Nats-Msg-Id` = `usage:<callId>:<seq>` (billing's ledger key too),
 * so a retried publish is stored once. A report that cannot be stored is logged: billing still
 * charges the call's seconds from `call.ended`, only that interval's engine figures are lost.
 */
export function usagePublisher(bus: Bus, log: Logger): UsagePublisher {
  return async (event) => {
    const msgId = `usage:${event.callId}:${event.seq}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await bus.publishEvent(eventSubjects.usageRecorded, event, { msgId });
        return;
      } catch (err) {
        if (attempt >= 2) return log.error({ err, callId: event.callId, seq: event.seq }, 'usage event not stored');
      }
    }
  };
}
