import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type ControlMessage, type LlmReplyReply, type LlmReplyRequest, voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { LlmProvider } from '../providers/llm-provider';
import { LlmProviders } from './llm-providers';
import { ReplyMetrics } from './reply-metrics';
import { TurnRegistry } from './turn-registry';
import { runTurn, type TurnReport } from './turn-runner';

/**
 * Accepts reply turns and runs them in the background, one abortable turn per call and turn id;
 * applies the calls' control messages to the turns in flight.
 */
@Injectable()
export class ReplyService {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly bus: Bus,
    private readonly providers: LlmProviders,
    private readonly turns: TurnRegistry,
    private readonly metrics: ReplyMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Starts generating the reply and answers at once; the text follows on the call's reply-text
   * subject. A turn already in flight (a retried request) is accepted again but not restarted.
   */
  accept(request: LlmReplyRequest): LlmReplyReply {
    const acceptedAt = performance.now();
    const provider = this.providers.get(request.agent.llm.provider);
    const controller = this.turns.begin(request.callId, request.turnId);
    if (controller) {
      // On the next turn of the event loop, so the acceptance is sent before the first sentence.
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.run(request, provider, controller, acceptedAt))
        .finally(() => {
          this.turns.finish(request.callId, request.turnId, controller);
          this.running.delete(run);
        });
      this.running.add(run);
    }
    return { turnId: request.turnId, accepted: true };
  }

  /**
   * Stops the turns a control message names: one turn on interrupt, the whole call on end. A
   * flush only ends the caller's utterance (for the STT worker); like agent audio, agent text
   * stops only on interrupt or end, so it never cuts the agent off.
   */
  control(callId: string, message: ControlMessage): void {
    if (message.type === 'end') this.turns.stopCall(callId, 'call-ended');
    else if (message.type === 'interrupt') this.turns.stop(callId, message.turnId, 'interrupted');
  }

  /** Resolves once every turn in flight has finished. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async run(request: LlmReplyRequest, llm: LlmProvider, controller: AbortController, acceptedAt: number) {
    const { callId, turnId } = request;
    const provider = llm.name;
    const subject = voiceSubjects.replyText(callId);
    try {
      const report = await runTurn({
        provider: llm,
        request,
        signal: controller.signal,
        acceptedAt,
        send: (chunk) => this.bus.publish(subject, chunk),
        onCloseError: (err) => this.logger.warn({ err, callId, turnId, provider }, 'llm provider failed to close'),
      });
      this.metrics.record(provider, report);
      this.log(request, provider, report, controller.signal);
    } catch (err) {
      // Only publishing can throw here (the bus is closed): the turn is lost, and the gateway times it out.
      this.metrics.record(provider, { outcome: 'failed', chunks: 0 });
      this.logger.error({ err, callId, turnId, provider }, 'reply turn could not be published');
    }
  }

  private log(request: LlmReplyRequest, provider: string, report: TurnReport, signal: AbortSignal): void {
    const fields = {
      callId: request.callId,
      turnId: request.turnId,
      provider,
      outcome: report.outcome,
      chunks: report.chunks,
      firstChunkMs: report.firstChunkMs,
      stopReason: signal.aborted ? signal.reason : undefined,
    };
    if (report.error) this.logger.error({ ...fields, err: report.error }, 'reply generation failed');
    else this.logger.debug(fields, 'reply turn finished');
  }
}
