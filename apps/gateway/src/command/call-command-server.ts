import type { Bus, BusSubscription } from '@parley/bus';
import { voiceSubjects } from '@parley/contracts';
import type { CallControls } from './call-controls';

/**
 * Answers `voice.v1.sess.<callId>.command` while the call lives: subscribed before
 * `call.started` goes out, unsubscribed as the call ends, so a request that finds no responder
 * means the call is not live here or anywhere.
 */
export function serveCallCommands(bus: Bus, callId: string, controls: CallControls): BusSubscription {
  return bus.serve(voiceSubjects.command(callId), (command) => controls.apply(command));
}
