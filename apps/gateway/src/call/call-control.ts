import type { Bus } from '@parley/bus';
import { type ControlMessage, voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';

/**
 * Publishes on the call's `ctl` subject. A publish throws only once the connection is closed
 * (it buffers while reconnecting); then the workers are unreachable anyway and the call must
 * still end cleanly (lease released, client told), so the failure is logged, not thrown.
 */
export function publishControl(bus: Bus, callId: string, message: ControlMessage, log: Logger): void {
  try {
    bus.publish(voiceSubjects.control(callId), message);
  } catch (err) {
    log.error({ err, type: message.type }, 'call control message not sent');
  }
}
