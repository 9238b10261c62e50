import { type Bus, BusError } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { ApiError } from './api-error';

/** Another service answers in milliseconds; this only bounds one that is down. */
const TIMEOUT_MS = 10_000;

/**
 * Calls another service's RPC for a controller: its NOT_FOUND, CONFLICT and INVALID_REQUEST answers
 * become the same API errors (NOT_FOUND naming `resource`); any other failure is a platform fault
 * (500 with an error id).
 */
export async function callService<S extends RpcSubject>(
  bus: Bus,
  subject: S,
  request: RpcRequest<S>,
  resource: string,
): Promise<RpcReply<S>> {
  try {
    return await bus.request(subject, request, { timeoutMs: TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof BusError)) throw err;
    if (err.code === 'NOT_FOUND') throw ApiError.notFound(resource);
    if (err.code === 'CONFLICT') throw ApiError.conflict(err.message);
    if (err.code === 'INVALID_REQUEST') throw ApiError.invalid(err.message);
    throw err;
  }
}
