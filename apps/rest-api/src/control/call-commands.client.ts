import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import { type CallCommand, voiceSubjects } from '@parley/contracts';
import { ApiError } from '../http/api-error';

/** A live call answers at once; this only bounds a gateway that stalls. */
const COMMAND_TIMEOUT_MS = 5_000;

/**
 * Sends a command to the gateway holding the call. No responder means the call is not live:
 * 409 CONFLICT, as for a call the read model already shows ended.
 */
@Injectable()
export class CallCommandsClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async send(callId: string, command: CallCommand): Promise<void> {
    try {
      await this.bus.request(voiceSubjects.command(callId), command, { timeoutMs: COMMAND_TIMEOUT_MS });
    } catch (err) {
      throw apiErrorOf(err);
    }
  }
}

function apiErrorOf(err: unknown): unknown {
  if (!(err instanceof BusError)) return err;
  if (err.code === 'NO_RESPONDERS') return notLive();
  if (err.code === 'CONFLICT') return ApiError.conflict(err.message);
  if (err.code === 'REQUEST_TIMEOUT') return new ApiError(503, 'INTERNAL_ERROR', 'the call did not answer in time; retry');
  return err;
}

export function notLive(): ApiError {
  return ApiError.conflict('The call is not active');
}
