import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { ApiError } from '../http/api-error';

/** The webhooks service answers in milliseconds; this only bounds one that is down. */
const TIMEOUT_MS = 10_000;

type WebhooksRpc = Extract<RpcSubject, `webhooks.v1.rpc.${string}`>;

/**
 * The webhooks service's RPCs for the controller: NOT_FOUND, CONFLICT and INVALID_REQUEST become
 * the same API errors; any other failure is a platform fault (500 with an error id).
 */
@Injectable()
export class WebhooksRpcClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async call<S extends WebhooksRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    try {
      return await this.bus.request(subject, request, { timeoutMs: TIMEOUT_MS });
    } catch (err) {
      throw toApiError(err);
    }
  }
}

function toApiError(err: unknown): unknown {
  if (!(err instanceof BusError)) return err;
  if (err.code === 'NOT_FOUND') return new ApiError(404, 'NOT_FOUND', err.message);
  if (err.code === 'CONFLICT') return ApiError.conflict(err.message);
  if (err.code === 'INVALID_REQUEST') return ApiError.invalid(err.message);
  return err;
}
