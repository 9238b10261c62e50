import { randomUUID } from 'node:crypto';
import type { AgentConfig, DialAdmitReply, ErrorCode } from '@parley/contracts';
import type { CallOrigin, CarrierCall } from '../call';
import type { CallLease, CallLeases } from '../leases';
import type { BalanceCheck } from './balance-check';
import type { DialTickets } from './dial-tickets';
import type { KeyLookup } from './key-lookup';
import type { Refusal } from './upgrade-refusal';
import { isValidKeyFormat, keyHashOf } from './voice-path';

/** Everything the call session needs about a call the gateway has accepted. */
export interface AdmittedCall {
  readonly callId: string;
  readonly orgId: string;
  readonly keyId: string;
  readonly agent: AgentConfig;
  /** The org's concurrent-call slot; released when the call ends. */
  readonly lease: CallLease;
  /** Set for a call admitted by dial ticket: the dialer's direction, task and numbers. */
  readonly origin?: CallOrigin;
  /** Set once a carrier's stream started: the carrier and its id of the call (Twilio's CallSid). */
  readonly carrierCall?: CarrierCall;
}

export type Admission =
  | { readonly admitted: true; readonly call: AdmittedCall }
  | { readonly admitted: false; readonly refusal: Refusal };

/** Tickets are the dialer's opaque tokens: URL-safe, bounded; anything else cannot be one. */
const TICKET_FORMAT = /^[A-Za-z0-9_-]{16,256}$/;

const refuse = (code: ErrorCode, message: string): Admission => ({ admitted: false, refusal: { code, message } });

/**
 * Decides whether a voice key may start a call, in the order that costs least and reveals
 * least: format, key, revocation, agent, balance, then a concurrency slot. Infrastructure
 * failures throw; the caller answers them with 500 PLATFORM_ERROR.
 */
export class CallAdmission {
  constructor(
    private readonly keys: KeyLookup,
    private readonly balance: BalanceCheck,
    private readonly leases: CallLeases,
    private readonly tickets: DialTickets,
  ) {}

  async admit(key: string): Promise<Admission> {
    if (!isValidKeyFormat(key)) {
      return refuse('INVALID_KEY_FORMAT', 'the key must be sk_live_ followed by 64 letters or digits');
    }
    const found = await this.keys.lookup(keyHashOf(key));
    if (!found.found) return refuse('KEY_NOT_FOUND', 'no API key matches; generate a new key from the dashboard');
    const { keyId, orgId, status, agent, limits } = found.reply;
    if (status === 'revoked') return refuse('KEY_REVOKED', 'this key has been revoked; generate a replacement key');
    if (!agent) return refuse('AGENT_NOT_FOUND', 'the key is not bound to an agent, or its agent was deleted');
    return this.startCall({ callId: randomUUID(), orgId, keyId, agent }, limits.maxConcurrentCalls);
  }

  /**
   * A call the dialer placed (or the simulator opens) with a one-time ticket instead of a key:
   * the dialer redeems it and names the call, its agent and its origin; then the same balance
   * and concurrency checks as a keyed call. An unknown, used or expired ticket is NOT_FOUND.
   */
  async admitTicket(ticket: string): Promise<Admission> {
    const notFound = refuse('NOT_FOUND', 'no dial ticket matches; it is unknown, already used or expired');
    if (!TICKET_FORMAT.test(ticket)) return notFound;
    const reply = await this.tickets.redeem(keyHashOf(ticket));
    if (!reply) return notFound;
    const { callId, orgId, keyId, agent, maxConcurrentCalls } = reply;
    return this.startCall({ callId, orgId, keyId, agent, origin: originOf(reply) }, maxConcurrentCalls);
  }

  private async startCall(call: Omit<AdmittedCall, 'lease'>, maxConcurrentCalls: number): Promise<Admission> {
    if (!(await this.balance.hasPoints(call.orgId))) {
      return refuse('INSUFFICIENT_BALANCE', 'the account has no points left; purchase more from the billing page');
    }
    const lease = await this.leases.acquire(call.orgId, call.callId, maxConcurrentCalls);
    if (!lease) {
      return refuse('RATE_LIMITED', `the account already has ${maxConcurrentCalls} concurrent calls, its limit`);
    }
    return { admitted: true, call: { ...call, lease } };
  }
}

function originOf(reply: DialAdmitReply): CallOrigin {
  const { direction, taskId, from, to } = reply;
  return { direction, ...(taskId && { taskId }), ...(from && { from }), ...(to && { to }) };
}
