import { performance } from 'node:perf_hooks';
import { Bus, type BusSubscription } from '@parley/bus';
import {
  type AgentConfig,
  type AudioFrameHeaders,
  type ChatMessage,
  type ErrorCode,
  type ReplyTextChunk,
  rpcSubjects,
  voiceSubjects,
} from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { publishControl } from './call-control';
import type { CallLatencyMeter } from './call-latency';
import type { CallSettings } from './call-settings';
import type { Playback } from './playback';
import { type CarrierCall, ToolEffects } from './tool-effects';

export interface AgentVoiceContext {
  readonly bus: Bus;
  readonly callId: string;
  readonly orgId: string;
  /** The carrier leg of a telephony call, for `transfer_call`. */
  readonly carrierCall?: CarrierCall;
  readonly agent: AgentConfig;
  readonly settings: CallSettings;
  readonly playback: Playback;
  readonly latency: CallLatencyMeter;
  readonly log: Logger;
  /** A recoverable failure the client should hear about (`error` frame). */
  reportError(code: ErrorCode, message: string): void;
  /** A turn that can no longer be spoken (TTS failed): the session settles it. */
  abandonTurn(turnId: string): void;
}

interface ActiveTurn {
  readonly id: string;
  requestedAt: number;
  sentences: number;
  endCall: boolean;
  firstSentenceTimer?: NodeJS.Timeout;
  /** Sentence index → when it went to TTS, until its first frame arrives. */
  readonly ttsSentAt: Map<number, number>;
}

/**
 * The agent's mouth: reply text from the LLM worker, sentence by sentence to TTS, audio to
 * the playback. One turn is active at a time; text and audio of any other turn are stale.
 */
export class AgentVoice {
  private readonly subscriptions: BusSubscription[];
  private readonly effects: ToolEffects;
  private turn: ActiveTurn | undefined;

  constructor(private readonly ctx: AgentVoiceContext) {
    const { bus, callId, orgId, carrierCall, playback, settings, log } = ctx;
    const say = (turnId: string, text: string) => this.say(turnId, text);
    this.effects = new ToolEffects({ bus, callId, orgId, carrierCall, playback, rpcTimeoutMs: settings.rpcTimeoutMs, log, say });
    this.subscriptions = [
      bus.subscribe(voiceSubjects.replyText(callId), (chunk) => this.onReplyText(chunk)),
      bus.subscribeAudio(voiceSubjects.audioOut(callId), (frame, headers) => this.onAudio(frame, headers)),
    ];
  }

  /** The reply asked for ends the call once it has been played. */
  get endCallRequested(): boolean {
    return this.turn?.endCall ?? false;
  }

  /** Speaks fixed text (greeting, fallback) as a turn of its own; `held` as in `reply`. */
  say(turnId: string, text: string, held = false): void {
    this.turn = this.newTurn(turnId);
    this.ctx.playback.begin(turnId, () => this.ctx.latency.agentAudioStarted(), held);
    this.speakSentence(this.turn, text);
    this.ctx.playback.endTurn(turnId);
  }

  /**
   * Asks the LLM worker for the reply to the conversation so far. A `held` reply is prepared
   * but silent until the playback releases it (the caller's turn is not surely over yet).
   */
  reply(turnId: string, messages: ChatMessage[], held = false): void {
    const turn = this.newTurn(turnId);
    this.turn = turn;
    this.ctx.playback.begin(turnId, () => this.ctx.latency.agentAudioStarted(), held);
    turn.firstSentenceTimer = setTimeout(() => this.fallBack(turn), this.ctx.settings.llmFirstSentenceTimeoutMs);
    const { bus, callId, orgId, agent, settings } = this.ctx;
    bus
      .request(
        rpcSubjects.llmReply,
        // The whole config goes out: the contract keeps the part the LLM worker needs.
        { callId, orgId, turnId, agent, messages },
        { timeoutMs: settings.rpcTimeoutMs },
      )
      .catch((err: unknown) => {
        this.ctx.log.warn({ err, callId, turnId }, 'llm reply request failed');
        if (this.turn === turn && turn.sentences === 0) this.fallBack(turn);
      });
  }

  /** Tells LLM and TTS workers to drop the turn; only `playedText` reached the caller. */
  cancel(turnId: string, playedText: string): void {
    if (this.turn?.id === turnId) this.clearTurn();
    this.effects.cancel(turnId);
    publishControl(this.ctx.bus, this.ctx.callId, { type: 'interrupt', turnId, playedText }, this.ctx.log);
  }

  /** The turn played to its end: its transfer (`transfer_call`) goes ahead now. */
  turnPlayed(turnId: string): void {
    this.effects.turnPlayed(turnId);
  }

  stop(): void {
    this.clearTurn();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private newTurn(id: string): ActiveTurn {
    this.clearTurn();
    return { id, requestedAt: performance.now(), sentences: 0, endCall: false, ttsSentAt: new Map() };
  }

  private clearTurn(): void {
    clearTimeout(this.turn?.firstSentenceTimer);
    this.turn = undefined;
  }

  private onReplyText(chunk: ReplyTextChunk): void {
    const turn = this.turn;
    if (!turn || chunk.turnId !== turn.id) return;
    if (turn.firstSentenceTimer) {
      clearTimeout(turn.firstSentenceTimer);
      turn.firstSentenceTimer = undefined;
      this.ctx.latency.llmFirstSentence(turn.requestedAt);
    }
    if (chunk.text.trim()) this.speakSentence(turn, chunk.text);
    if (chunk.final) {
      if (chunk.dtmf) this.effects.playDtmf(turn.id, turn.sentences++, chunk.dtmf);
      if (chunk.transfer) this.effects.transferAfter(turn.id, chunk.transfer.to);
      // A transfer hands the caller on: the agent does not also hang up.
      turn.endCall = (chunk.endCall ?? false) && !chunk.transfer;
      this.ctx.playback.endTurn(turn.id);
    }
  }

  /** Sentences are numbered here, not by the LLM, so empty chunks leave no gap in playback order. */
  private speakSentence(turn: ActiveTurn, text: string): void {
    const index = turn.sentences++;
    const { bus, callId, agent, settings, playback } = this.ctx;
    playback.addSentence(turn.id, index, text);
    turn.ttsSentAt.set(index, performance.now());
    bus
      .request(
        rpcSubjects.ttsSynthesize,
        { callId, turnId: turn.id, sentenceIndex: index, text, voice: agent.voice, sampleRate: 16000 },
        { timeoutMs: settings.rpcTimeoutMs },
      )
      .catch((err: unknown) => {
        if (this.turn !== turn) return;
        this.ctx.log.warn({ err, callId, turnId: turn.id, sentenceIndex: index }, 'tts synthesize failed');
        this.ctx.reportError('TTS_ERROR', 'the agent could not speak this reply');
        this.ctx.abandonTurn(turn.id);
      });
  }

  private onAudio(frame: Uint8Array, headers: Readonly<AudioFrameHeaders>): void {
    const turn = this.turn;
    if (turn && headers.turnId === turn.id && headers.sentenceIndex !== undefined) {
      const sentAt = turn.ttsSentAt.get(headers.sentenceIndex);
      if (sentAt !== undefined) {
        turn.ttsSentAt.delete(headers.sentenceIndex);
        this.ctx.latency.ttsFirstAudio(sentAt);
      }
    }
    this.ctx.playback.pushFrame(headers.turnId, headers.sentenceIndex, frame, headers.last ?? false);
  }

  /** The LLM stayed silent: drop its turn and say the fallback phrase instead. */
  private fallBack(turn: ActiveTurn): void {
    if (this.turn !== turn) return;
    this.ctx.log.warn({ callId: this.ctx.callId, turnId: turn.id }, 'llm gave no first sentence in time');
    this.ctx.reportError('LLM_TIMEOUT', 'the agent took too long to answer');
    this.cancel(turn.id, '');
    this.say(`${turn.id}-fallback`, this.ctx.settings.fallbackPhrase, this.ctx.playback.holding);
  }
}
