import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { ApiError } from '../http/api-error';

/** A busy dialer answers in milliseconds; this only bounds a dialer that is down. */
const TIMEOUT_MS = 10_000;

type TaskRpc = Extract<RpcSubject, `dialer.v1.rpc.task.${string}`>;

/**
 * The dialer's task RPCs for the controllers: its NOT_FOUND and CONFLICT answers become the same
 * API errors; any other failure is a platform fault (500 with an error id).
 */
@Injectable()
export class DialerTasksClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async call<S extends TaskRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    try {
      return await this.bus.request(subject, request, { timeoutMs: TIMEOUT_MS });
    } catch (err) {
      throw toApiError(err);
    }
  }
}

function toApiError(err: unknown): unknown {
  if (!(err instanceof BusError)) return err;
  if (err.code === 'NOT_FOUND') return ApiError.notFound('Task');
  if (err.code === 'CONFLICT') return ApiError.conflict(err.message);
  return err;
}
