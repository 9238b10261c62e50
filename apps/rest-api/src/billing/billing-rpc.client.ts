import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';

/** Billing answers in milliseconds; this only bounds a billing that is down (then 500 with an error id). */
const TIMEOUT_MS = 10_000;

type BillingRpc = Extract<RpcSubject, `billing.v1.rpc.${string}`>;

/** Billing's balance, ledger, credit and usage RPCs for the billing endpoints. */
@Injectable()
export class BillingRpcClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  call<S extends BillingRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    return this.bus.request(subject, request, { timeoutMs: TIMEOUT_MS });
  }
}
