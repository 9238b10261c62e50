import type { Bus } from '@parley/bus';
import { voiceSubjects } from '@parley/contracts';

/**
 * Tells the gateway holding `callId` to end it with BALANCE_EXHAUSTED (the call-command
 * contract): the caller gets `error{BALANCE_EXHAUSTED}`, then `call_end`, then the close.
 */
export async function endCallForBalance(bus: Bus, callId: string, timeoutMs: number): Promise<void> {
  await bus.request(voiceSubjects.command(callId), { type: 'end', reason: 'BALANCE_EXHAUSTED' }, { timeoutMs });
}
