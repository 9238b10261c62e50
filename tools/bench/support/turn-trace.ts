import { performance } from 'node:perf_hooks';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { ANY_TOKEN, AUDIO_HEADER, parseVoiceSubject, rpcSubjects, voiceSubjects } from '@parley/contracts';

/** The bus messages that mark a caller turn's way through the platform, in order. */
/** How much later than the client's first frame the bus sighting of that frame may be read. */
const READ_ORDER_SLACK_MS = 20;

type Milestone = 'flush' | 'final' | 'llm-request' | 'reply-text' | 'tts-request' | 'audio-out';

interface Sighting {
  readonly milestone: Milestone;
  readonly at: number;
  readonly turnId: string | undefined;
}

/** One answered caller turn split into stages, in ms, all on the bench's monotonic clock. */
export interface TurnSplit {
  readonly voiceToVoice: number;
  /**
   * Caller's last voiced frame sent → the end of turn: the gateway's `flush` on the bus, or for a
   * speculative reply (flushed on the pause) the `turn_start` confirming it at the client.
   */
  readonly endpointing: number;
  /** `flush` → the final transcript answering it. */
  readonly sttFinal: number;
  /** `llm.v1.rpc.reply` request → the first reply sentence. */
  readonly llmFirstSentence: number;
  /** `tts.v1.rpc.synthesize` of that sentence → the first audio-out frame. */
  readonly ttsFirstAudio: number;
  /** The gateway's own time between stages: final → LLM request, sentence → TTS request. */
  readonly gatewayGaps: number;
  /** First audio-out frame on the bus → that frame at the client (pacer, socket, client); a hair
   * below zero when the bench read the socket before NATS. */
  readonly delivery: number;
  /**
   * The platform's own time: gatewayGaps + delivery. For a reply prepared early (`speculative`),
   * only what came after both the confirmed end of turn and the ready reply: the stages before
   * were hidden in the endpointing wait.
   */
  readonly overhead: number;
  /** The reply was asked for on the caller's pause, before the end of turn confirmed it. */
  readonly speculative: boolean;
}

/**
 * Watches the per-call subjects and RPC requests of the bench's calls as a silent extra
 * subscriber (core NATS, no queue group, so the workers still get every message). The bench
 * sees each message when its real recipient does, give or take the same delivery time, so
 * consecutive sightings time the stage between them. `call.ended` carries only per-call
 * aggregates, and its TTS figure mixes every sentence (greeting included); this is per turn.
 */
export class TurnTrace {
  private readonly sightings = new Map<string, Sighting[]>();
  /** `callId/milestone/turnId` of what was already seen, so each audio frame costs one lookup. */
  private readonly seenKeys = new Set<string>();
  private readonly subscriptions: Subscription[];

  constructor(
    nc: NatsConnection,
    private readonly isOurs: (callId: string) => boolean,
  ) {
    const json = (msg: Msg) => msg.json<{ callId?: string; turnId?: string; type?: string; kind?: string; sentenceIndex?: number }>();
    const onCall = (subject: string, handle: (msg: Msg, callId: string) => void) =>
      nc.subscribe(subject, { callback: (_err, msg) => this.onMessage(msg, handle) });
    this.subscriptions = [
      onCall(voiceSubjects.control(ANY_TOKEN), (msg, callId) => {
        const body = json(msg);
        if (body.type === 'flush') this.see(callId, 'flush', body.turnId);
      }),
      onCall(voiceSubjects.transcript(ANY_TOKEN), (msg, callId) => {
        const body = json(msg);
        if (body.kind === 'final' && body.turnId) this.see(callId, 'final', body.turnId);
      }),
      onCall(rpcSubjects.llmReply, (msg) => this.seeRequest(json(msg), 'llm-request')),
      onCall(voiceSubjects.replyText(ANY_TOKEN), (msg, callId) => this.see(callId, 'reply-text', json(msg).turnId)),
      onCall(rpcSubjects.ttsSynthesize, (msg) => {
        const body = json(msg);
        if (body.sentenceIndex === 0) this.seeRequest(body, 'tts-request');
      }),
      onCall(voiceSubjects.audioOut(ANY_TOKEN), (msg, callId) => this.see(callId, 'audio-out', msg.headers?.get(AUDIO_HEADER.turnId))),
    ];
  }

  /**
   * The split of the turn whose caller speech ended at `speechEndedAt` and whose answer reached
   * the client at `agentAudioAt` (performance.now() times), its `turn_start` at `turnStartAt`;
   * undefined when a milestone is missing.
   */
  split(callId: string, speechEndedAt: number, agentAudioAt: number, turnStartAt?: number): TurnSplit | undefined {
    // The bench gets the first audio-out frame from NATS and, through the gateway, from the socket:
    // under load it may read the socket first, so sightings just after the client's frame count.
    const end = agentAudioAt + READ_ORDER_SLACK_MS;
    const within = (this.sightings.get(callId) ?? []).filter(({ at }) => at > speechEndedAt && at <= end);
    const flush = [...within].reverse().find(({ milestone }) => milestone === 'flush');
    const final = within.find(({ milestone, turnId }) => milestone === 'final' && turnId === flush?.turnId);
    const request = within.find(({ milestone, at }) => milestone === 'llm-request' && final && at >= final.at);
    const first = (milestone: Milestone) => within.find((s) => s.milestone === milestone && s.turnId === request?.turnId);
    const [text, tts, audio] = [first('reply-text'), first('tts-request'), first('audio-out')];
    if (!flush || !final || !request || !text || !tts || !audio) return undefined;
    const gatewayGaps = request.at - final.at + (tts.at - text.at);
    const delivery = agentAudioAt - audio.at;
    // Prepared early: the reply was asked for before the end of turn confirmed it. (A pause's
    // flush whose final came after the end of turn is answered then, as without a pause.)
    const speculative = turnStartAt !== undefined && request.at < turnStartAt - READ_ORDER_SLACK_MS;
    const confirmedAt = speculative ? turnStartAt : flush.at;
    const overhead = speculative
      ? agentAudioAt - Math.max(turnStartAt, audio.at) + (audio.at > turnStartAt ? gatewayGaps : 0)
      : gatewayGaps + delivery;
    return {
      voiceToVoice: agentAudioAt - speechEndedAt,
      endpointing: confirmedAt - speechEndedAt,
      sttFinal: final.at - flush.at,
      llmFirstSentence: text.at - request.at,
      ttsFirstAudio: audio.at - tts.at,
      gatewayGaps,
      delivery,
      overhead,
      speculative,
    };
  }

  /** Drops what was seen of a call once its turns are split. */
  forget(callId: string): void {
    this.sightings.delete(callId);
    for (const key of this.seenKeys) if (key.startsWith(`${callId}/`)) this.seenKeys.delete(key);
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private onMessage(msg: Msg, handle: (msg: Msg, callId: string) => void): void {
    const callId = parseVoiceSubject(msg.subject)?.callId ?? '';
    try {
      handle(msg, callId);
    } catch {
      // Not JSON where JSON was expected: not a message this trace can use.
    }
  }

  private seeRequest(body: { callId?: string; turnId?: string }, milestone: Milestone): void {
    if (body.callId) this.see(body.callId, milestone, body.turnId);
  }

  /** Keeps the first sighting of each milestone per turn: the later ones time nothing. */
  private see(callId: string, milestone: Milestone, turnId: string | undefined): void {
    if (!this.isOurs(callId)) return;
    const at = performance.now();
    const key = `${callId}/${milestone}/${turnId}`;
    if (milestone !== 'flush' && this.seenKeys.has(key)) return;
    this.seenKeys.add(key);
    const seen = this.sightings.get(callId) ?? [];
    seen.push({ milestone, at, turnId });
    this.sightings.set(callId, seen);
  }
}
