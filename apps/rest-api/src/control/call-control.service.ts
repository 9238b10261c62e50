import { Inject, Injectable } from '@nestjs/common';
import type { CallCommand, EndCallCommand } from '@parley/contracts';
import { ApiError } from '../http/api-error';
import { CallCommandsClient, notLive } from './call-commands.client';
import {
  CALL_PARTICIPANTS,
  type CallParticipant,
  type MuteView,
  type RecordingControlView,
  type SendDataBody,
  type SendDataView,
} from './call-control.schema';
import { LiveCallsRepository } from './live-calls.repository';

const ENDED: ReadonlySet<string> = new Set(['completed', 'failed']);
/** The contract's limit for a whisper. */
const MAX_WHISPER_CHARS = 4_000;

/**
 * Acts on an organization's live call (reference 004 §14 mapped onto calls, DESIGN "A call is
 * the unit"): the call must be the organization's (404 otherwise) and not over (409), then the
 * gateway holding it carries the command out.
 */
@Injectable()
export class CallControlService {
  constructor(
    @Inject(LiveCallsRepository) private readonly calls: LiveCallsRepository,
    @Inject(CallCommandsClient) private readonly commands: CallCommandsClient,
  ) {}

  end(orgId: string, callId: string, reason: EndCallCommand['reason']): Promise<void> {
    return this.command(orgId, callId, { type: 'end', reason });
  }

  /** To the agent: a whisper it reads on its next turn. To the caller (or no one named): a broadcast. */
  async sendData(orgId: string, callId: string, body: SendDataBody): Promise<SendDataView> {
    const to = body.destination_identities ?? ['caller'];
    const commands: CallCommand[] = [];
    if (to.includes('agent')) commands.push({ type: 'whisper', text: whisperText(body.data) });
    if (to.includes('caller')) commands.push({ type: 'broadcast', data: body.data, ...(body.topic && { topic: body.topic }) });
    await this.liveCall(orgId, callId);
    for (const command of commands) await this.commands.send(callId, command);
    return { call_id: callId, delivered_to: CALL_PARTICIPANTS.filter((p) => to.includes(p)) };
  }

  /** Only the caller's audio can be muted: the agent speaks only when it has a turn. */
  async mute(orgId: string, callId: string, identity: string, muted: boolean): Promise<MuteView> {
    if (participant(identity) !== 'caller') throw ApiError.invalid('Only the caller can be muted', { identity });
    await this.command(orgId, callId, { type: muted ? 'mute' : 'unmute' });
    return { call_id: callId, identity: 'caller', muted };
  }

  /** A call has two participants: removing either ends it. */
  kick(orgId: string, callId: string, identity: string): Promise<void> {
    participant(identity);
    return this.command(orgId, callId, { type: 'end', reason: 'KICKED' });
  }

  async recording(orgId: string, callId: string, start: boolean): Promise<RecordingControlView> {
    await this.command(orgId, callId, { type: start ? 'recording-start' : 'recording-stop' });
    return { call_id: callId, format: 'wav', status: start ? 'recording' : 'stopped' };
  }

  /** The organization's call, refused when unknown (404) or already over (409). */
  async liveCall(orgId: string, callId: string): Promise<void> {
    const call = await this.calls.findOwned(orgId, callId);
    if (!call) throw ApiError.notFound('Call');
    if (ENDED.has(call.status)) throw notLive();
  }

  private async command(orgId: string, callId: string, command: CallCommand): Promise<void> {
    await this.liveCall(orgId, callId);
    await this.commands.send(callId, command);
  }
}

function participant(identity: string): CallParticipant {
  const found = CALL_PARTICIPANTS.find((p) => p === identity);
  if (!found) throw ApiError.notFound('Participant');
  return found;
}

function whisperText(data: SendDataBody['data']): string {
  const text = (typeof data === 'string' ? data : JSON.stringify(data)).trim();
  if (!text) throw ApiError.invalid('A whisper needs text', { field: 'data' });
  if (text.length > MAX_WHISPER_CHARS) {
    throw ApiError.invalid(`A whisper holds at most ${MAX_WHISPER_CHARS} characters`, { field: 'data' });
  }
  return text;
}
