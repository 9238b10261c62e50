import { randomUUID } from 'node:crypto';
import type { AgentConfig, ErrorCode } from '@parley/contracts';
import type { CallLease, CallLeases } from '../leases';
import type { BalanceCheck } from './balance-check';
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
}

export type Admission =
  | { readonly admitted: true; readonly call: AdmittedCall }
  | { readonly admitted: false; readonly refusal: Refusal };

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
    if (!(await this.balance.hasPoints(orgId))) {
      return refuse('INSUFFICIENT_BALANCE', 'the account has no points left; purchase more from the billing page');
    }
    const callId = randomUUID();
    const lease = await this.leases.acquire(orgId, callId, limits.maxConcurrentCalls);
    if (!lease) {
      return refuse('RATE_LIMITED', `the account already has ${limits.maxConcurrentCalls} concurrent calls, its limit`);
    }
    return { admitted: true, call: { callId, orgId, keyId, agent, lease } };
  }
}
