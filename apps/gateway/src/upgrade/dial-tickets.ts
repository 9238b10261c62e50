import { Bus, BusError } from '@parley/bus';
import { type DialAdmitReply, rpcSubjects } from '@parley/contracts';

/**
 * Redeems one-time dial tickets with the dialer (`dialer.v1.rpc.dial.admit`), which consumes a
 * ticket atomically. Undefined for an unknown, used or expired ticket; transport failures and
 * other errors propagate (the upgrade answers them with 500 PLATFORM_ERROR).
 */
export class DialTickets {
  constructor(
    private readonly bus: Bus,
    private readonly rpcTimeoutMs: number,
  ) {}

  async redeem(ticketHash: string): Promise<DialAdmitReply | undefined> {
    try {
      return await this.bus.request(rpcSubjects.dialerDialAdmit, { ticketHash }, { timeoutMs: this.rpcTimeoutMs });
    } catch (err) {
      if (err instanceof BusError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  }
}
