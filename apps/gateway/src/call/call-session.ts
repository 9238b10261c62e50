import { performance } from 'node:perf_hooks';
import { FRAME_MS } from '@parley/audio';
import { Bus, type BusSubscription } from '@parley/bus';
import {
  type AgentConfig,
  type CallEndReason,
  type ChatMessage,
  type ErrorCode,
  type SttSessionOpenRequest,
} from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { CallMeter, METERING_INTERVAL_MS, usagePublisher } from '../metering';
import { CallControls, serveCallCommands } from '../command';
import { energyVadFactory, type VadFactory } from '../vad';
import { AgentVoice } from './agent-voice';
import { AnsweringMachineDetector } from './answering-machine';
import { publishControl } from './call-control';
import { CallEvents, type CallOrigin } from './call-events';
import { CallLatencyMeter } from './call-latency';
import { CallLimitsWatch } from './call-limits';
import type { CallMetrics } from './call-metrics';
import { CallRecordings } from './call-recorder';
import type { CallSettings } from './call-settings';
import { CallerAudio } from './caller-audio';
import { CallerTurns } from './caller-turns';
import { type CallTransport, CLOSE_NORMAL, CLOSE_TOO_BIG, type TransportConnector } from './client-channel';
import { ConversationLog } from './conversation-log';
import type { RecordingSink } from './recording-sink';
import { Playback, type PlayedTurn } from './playback';
import { SttLink } from './stt-link';
import { dtmfTurnText } from '../telephony/dtmf-turn';
import type { CarrierCall } from './tool-effects';
import type { TurnSignal } from './turn-detector';

/** The concurrent-call slot the upgrade took. It renews itself; the call releases it at the end. */
export interface CallLease {
  renew(): Promise<void>;
  release(): Promise<void>;
  /** Called if the slot is found gone (expired while this process stalled, or taken over). */
  onLost?(listener: () => void): void;
}

export interface CallContext {
  readonly callId: string;
  readonly orgId: string;
  readonly keyId: string;
  readonly agent: AgentConfig;
  readonly lease: CallLease;
  /** How the call reached the gateway; an inbound call on the raw protocol unless told. */
  readonly origin?: CallOrigin;
  /** Set for a call on a carrier's media stream: the carrier and its id of the call (Twilio's CallSid). */
  readonly carrierCall?: CarrierCall;
}

export interface CallSessionDeps {
  readonly bus: Bus;
  readonly settings: CallSettings;
  readonly log: Logger;
  /** Makes the call's voice activity detector; the energy VAD when not given. */
  readonly vads?: VadFactory;
  /**
   * Where recordings go; calls are not recorded without one. With one, a call is recorded from
   * the start unless the agent says not to, and whenever a `recording-start` command asks.
   */
  readonly recordings?: RecordingSink;
  readonly metrics: CallMetrics;
  /** Called once the call has fully ended (events published, lease released). */
  readonly onEnded?: () => void;
}

const GREETING_TURN = 't0';


/**
 * One live call: wires the caller's audio, turn-taking, the agent's voice, limits and the
 * call's facts together, and owns the single way out (`end`).
 */
export class CallSession {
  private readonly client: CallTransport;
  private readonly playback: Playback;
  private readonly voice: AgentVoice;
  private readonly stt: SttLink;
  private readonly callerAudio: CallerAudio;
  private readonly limits: CallLimitsWatch;
  private readonly events: CallEvents;
  private readonly conversation: ConversationLog;
  private readonly latency: CallLatencyMeter;
  private readonly recordings: CallRecordings;
  private readonly controls: CallControls;
  private commands: BusSubscription | undefined;
  private readonly meter: CallMeter;
  /** Outbound calls only: who answered, judged from the callee's first seconds. */
  private readonly answering: AnsweringMachineDetector | undefined;
  private readonly startedAt = performance.now();
  private readonly log: Logger;
  /** Caller turns the agent took on; the turn limit counts these. */
  private turns = 0;
  private readonly callerTurns: CallerTurns;
  /** The reply prepared on the caller's pause, held until their turn surely ended. */
  private heldReply: { readonly text: string; readonly messages: ChatMessage[] } | undefined;
  private holds = 0;
  private ending: Promise<void> | undefined;

  constructor(
    connect: TransportConnector,
    private readonly ctx: CallContext,
    private readonly deps: CallSessionDeps,
  ) {
    const { callId, orgId, agent } = ctx;
    this.log = deps.log.child({ callId });
    this.latency = new CallLatencyMeter((ms) => deps.metrics.voiceToVoiceMs(ms));
    this.client = this.connectClient(connect);
    this.events = new CallEvents(deps.bus, { callId, orgId, agentId: agent.agentId, keyId: ctx.keyId }, this.log);
    this.conversation = new ConversationLog(agent.systemPrompt, this.client, this.events);
    this.meter = this.createMeter();
    this.recordings = this.startRecordings();
    this.playback = this.createPlayback();
    this.voice = this.createVoice();
    this.stt = this.createStt();
    this.answering = ctx.origin?.direction === 'outbound' ? new AnsweringMachineDetector() : undefined;
    const { endpointingMs, endpointingMidPhraseMs, bargeInMinMs, speculativeReplyMs } = deps.settings;
    const turnTiming = { endpointingMs, endpointingMidPhraseMs, bargeInMinMs, speculativeMs: speculativeReplyMs, frameMs: FRAME_MS };
    this.callerAudio = new CallerAudio(deps.vads ?? energyVadFactory, turnTiming, {
      toStt: (frame) => {
        this.stt.sendFrame(frame);
        this.meter.sttFrame();
      },
      onSignal: (signal) => this.onSignal(signal),
      onFrame: (samples) => this.onCallerFrame(samples),
    });
    this.callerTurns = this.createCallerTurns();
    this.limits = new CallLimitsWatch(agent.limits, (reason) => void this.end(reason));
    this.controls = this.createControls();
  }

  /** Publishes `call.started`, opens STT and speaks the greeting at once. */
  start(): void {
    this.deps.metrics.callStarted();
    // Before `call.started`: whoever learns of the call from that fact can command it at once.
    this.commands = serveCallCommands(this.deps.bus, this.ctx.callId, this.controls);
    void this.events.started(new Date(), this.ctx.origin);
    this.meter.start();
    this.stt.open();
    this.limits.start();
    this.ctx.lease.onLost?.(() => this.onLeaseLost());
    const greeting = this.ctx.agent.greeting.trim();
    if (greeting) {
      this.limits.setAgentBusy(true);
      this.voice.say(GREETING_TURN, greeting);
    }
  }

  /**
   * The one way out, whatever ended the call: stops the agent, tells the client (unless it
   * hung up) and the workers, frees the lease and publishes `call.ended` exactly once.
   */
  end(reason: CallEndReason, closeCode = CLOSE_NORMAL): Promise<void> {
    this.ending ??= this.finish(reason, closeCode);
    return this.ending;
  }

  private async finish(reason: CallEndReason, closeCode: number): Promise<void> {
    this.log.info({ reason, turns: this.turns }, 'call ending');
    // Drained, not dropped: a command already on its way is answered (CONFLICT), not left to time out.
    this.commands?.drain().catch((err: unknown) => this.log.warn({ err }, 'call command subscription not drained'));
    this.deps.metrics.callEnded(reason);
    this.limits.stop();
    this.callerAudio.stop();
    this.callerTurns.stop();
    this.stopAgentTurn(this.playback.currentTurnId);
    this.voice.stop();
    if (reason !== 'HANGUP') {
      this.client.send({ type: 'call_end', reason });
      this.client.close(closeCode, reason);
    }
    publishControl(this.deps.bus, this.ctx.callId, { type: 'end', reason }, this.log);
    const summary = {
      reason,
      durationMs: performance.now() - this.startedAt,
      turns: this.turns,
      latency: this.latency.summary(),
      answeredBy: this.answering?.finish(),
    };
    await this.meter.stop();
    await Promise.all([this.stt.close(), this.releaseLease(), this.events.ended(summary), this.recordings.close()]);
    this.deps.onEnded?.();
  }

  private createMeter(): CallMeter {
    const { callId, orgId, agent } = this.ctx;
    const providers = { stt: agent.sttProvider, llm: agent.llm.provider, llmModel: agent.llm.model, tts: agent.voice.provider };
    const publish = usagePublisher(this.deps.bus, this.log);
    return new CallMeter({ callId, orgId, agentId: agent.agentId, providers }, publish, {
      intervalMs: METERING_INTERVAL_MS,
      frameMs: FRAME_MS,
    });
  }

  private startRecordings(): CallRecordings {
    const hooks = (recordingId: string) => this.events.recording(recordingId);
    const recordings = new CallRecordings(this.deps.recordings, this.ctx.callId, this.log, hooks);
    if (this.ctx.agent.recordingEnabled !== false) recordings.start();
    return recordings;
  }

  private createControls(): CallControls {
    const { client, callerAudio, limits, conversation, recordings } = this;
    const call = {
      client,
      callerAudio,
      limits,
      conversation,
      recordings,
      ending: () => this.ending !== undefined,
      reportError: (code: ErrorCode, message: string) => this.reportError(code, message),
      end: (reason: CallEndReason) => void this.end(reason),
    };
    return new CallControls(call, this.log);
  }

  private connectClient(connect: TransportConnector): CallTransport {
    const events = {
      onAudio: (chunk: Uint8Array) => this.callerAudio.push(chunk),
      onDtmf: (digit: string) => this.onDtmf(digit),
      onEndCall: () => void this.end('CLIENT_ENDED'),
      onTooLarge: () => void this.end('PLATFORM_ERROR', CLOSE_TOO_BIG),
      onClosed: () => void this.end('HANGUP'),
    };
    return connect(events, this.log);
  }

  private createPlayback(): Playback {
    const sink = {
      audioStarted: () => this.client.send({ type: 'audio_start' }),
      audio: (frame: Uint8Array) => {
        // The recording keeps what the caller could hear: a skipped frame is not recorded.
        if (this.client.sendAudio(frame)) this.recordings.agentFrame(frame);
      },
      audioEnded: () => this.client.send({ type: 'audio_end' }),
    };
    return new Playback(sink, (turn) => this.onTurnPlayed(turn));
  }

  private createVoice(): AgentVoice {
    const { bus, settings } = this.deps;
    const { callId, orgId, agent, carrierCall } = this.ctx;
    return new AgentVoice({
      bus,
      callId,
      orgId,
      carrierCall,
      agent,
      settings,
      playback: this.playback,
      latency: this.latency,
      log: this.log,
      reportError: (code, message) => this.reportError(code, message),
      abandonTurn: (turnId) => (this.playback.holding ? this.callerTurns.voidSpeculation() : this.stopAgentTurn(turnId)),
    });
  }

  private createStt(): SttLink {
    const { callId, agent } = this.ctx;
    const request: SttSessionOpenRequest = {
      callId,
      sampleRate: 16000,
      sourceRate: this.client.sourceRate,
      encoding: 'pcm16le',
      language: agent.language,
      provider: agent.sttProvider,
    };
    const options = {
      rpcTimeoutMs: this.deps.settings.rpcTimeoutMs,
      keepaliveMs: this.deps.settings.sttKeepaliveMs,
      onFailure: () => this.reportError('STT_ERROR', 'speech recognition failed; please repeat'),
    };
    return new SttLink(this.deps.bus, request, (message) => this.callerTurns.onTranscript(message), options, this.log);
  }

  private createCallerTurns(): CallerTurns {
    const { detector } = this.callerAudio;
    const { sttFinalTimeoutMs } = this.deps.settings;
    return new CallerTurns(
      { stt: this.stt, detector, latency: this.latency, sttFinalTimeoutMs, log: this.log },
      {
        agentTurnActive: () => this.playback.currentTurnId !== undefined,
        mayPrepare: () => !this.ending && this.turns < this.ctx.agent.limits.maxTurns,
        interim: (text) => this.client.send({ type: 'interim', text }),
        turn: (text) => this.onUserTurn(text),
        prepare: (text) => this.prepareReply(text),
        confirm: () => this.playHeldReply(),
        discard: () => this.dropHeldReply(),
      },
    );
  }

  private onCallerFrame(samples: Int16Array): void {
    this.recordings.callerFrame(samples);
    const answeredBy = this.answering?.frame(samples, this.callerAudio.detector.callerSpeaking);
    if (answeredBy) this.log.info({ answeredBy }, 'answering machine detection decided');
  }

  private onSignal(signal: Exclude<TurnSignal, null>): void {
    if (signal === 'pause') return this.callerTurns.onPause();
    if (signal === 'sustained-speech') {
      // Barge-in: sustained speech cancels whatever the agent is doing (thinking or speaking).
      if (this.playback.currentTurnId === undefined) return;
      this.deps.metrics.bargeIn();
      return this.stopAgentTurn(this.playback.currentTurnId);
    }
    this.limits.callerActive();
    if (signal === 'end-of-turn') this.callerTurns.onEndOfTurn();
    else this.callerTurns.onVoice();
  }

  /** The reply to what the caller said before pausing, prepared silent (the caller may go on). */
  private prepareReply(text: string): void {
    const messages: ChatMessage[] = [...this.conversation.messages(), { role: 'user', content: text }];
    this.heldReply = { text, messages };
    this.voice.reply(`t${this.turns + 1}-h${++this.holds}`, messages, true);
  }

  /** The caller's turn ended as the held reply assumed: it plays at once. */
  private playHeldReply(): void {
    const held = this.heldReply;
    this.heldReply = undefined;
    if (!held || this.ending) return;
    this.conversation.user(held.text);
    this.turns++;
    this.client.send({ type: 'turn_start' });
    this.limits.setAgentBusy(true);
    this.meter.llmRequest(held.messages);
    this.playback.release();
  }

  private dropHeldReply(): void {
    this.heldReply = undefined;
    const turnId = this.playback.currentTurnId;
    if (!this.playback.holding || turnId === undefined) return;
    this.playback.interrupt();
    this.voice.cancel(turnId, '');
  }

  private onUserTurn(text: string): void {
    if (this.ending) return;
    this.callerTurns.voidSpeculation();
    this.conversation.user(text);
    if (this.playback.currentTurnId !== undefined) this.stopAgentTurn(this.playback.currentTurnId);
    if (this.turns >= this.ctx.agent.limits.maxTurns) return this.endAtTurnLimit();
    this.turns++;
    this.client.send({ type: 'turn_start' });
    this.limits.setAgentBusy(true);
    const messages = this.conversation.messages();
    this.meter.llmRequest(messages);
    this.voice.reply(`t${this.turns}`, messages);
  }

  /** A keypad digit is a caller turn of its own: the agent's DTMF rule for it, or `[DTMF <d>]`. */
  private onDtmf(digit: string): void {
    if (this.ending) return;
    this.log.info({}, 'caller pressed a key');
    this.limits.callerActive();
    // Like a barge-in: what the agent was saying ends, as heard, before the digit's turn.
    this.stopAgentTurn(this.playback.currentTurnId);
    this.onUserTurn(dtmfTurnText(this.ctx.agent.dtmfRules, digit));
  }

  private onTurnPlayed(turn: PlayedTurn): void {
    this.conversation.assistant(turn.text, false);
    this.meter.agentSpoke(turn.text, turn.turnId !== GREETING_TURN);
    this.limits.setAgentBusy(false);
    this.voice.turnPlayed(turn.turnId);
    if (this.voice.endCallRequested) {
      void this.end('AGENT_ENDED');
    } else if (turn.turnId !== GREETING_TURN && this.turns >= this.ctx.agent.limits.maxTurns) {
      this.endAtTurnLimit();
    }
  }

  /** Barge-in, a failed turn or the end: silence the agent and keep only what was heard. */
  private stopAgentTurn(turnId: string | undefined): void {
    if (turnId === undefined || turnId !== this.playback.currentTurnId) return;
    const heard = this.playback.interrupt();
    this.client.clear();
    this.voice.cancel(turnId, heard?.text ?? '');
    this.conversation.assistant(heard?.text ?? '', true);
    this.meter.agentSpoke(heard?.text ?? '', true);
    this.limits.setAgentBusy(false);
  }

  private endAtTurnLimit(): void {
    this.reportError('MAX_TURNS_REACHED', `the call reached its limit of ${this.ctx.agent.limits.maxTurns} turns`);
    void this.end('MAX_TURNS_REACHED');
  }

  private reportError(code: ErrorCode, message: string): void {
    this.deps.metrics.errorSent(code);
    this.client.send({ type: 'error', code, message });
  }

  /**
   * The slot may count another call by now, so this call runs outside the organization's
   * limit: it ends rather than be billed and counted twice.
   */
  private onLeaseLost(): void {
    if (this.ending) return;
    this.log.warn({}, 'call lease lost; ending the call');
    void this.end('PLATFORM_ERROR');
  }

  private async releaseLease(): Promise<void> {
    try {
      await this.ctx.lease.release();
    } catch (err) {
      this.log.error({ err }, 'call lease release failed');
    }
  }
}
