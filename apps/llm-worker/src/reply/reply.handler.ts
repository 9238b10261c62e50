import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type BusSubscription } from '@parley/bus';
import { ANY_TOKEN, parseVoiceSubject, rpcSubjects, voiceSubjects } from '@parley/contracts';
import { ReplyService } from './reply.service';

/**
 * The worker's bus endpoints: `llm.v1.rpc.reply` in the `llm` queue group, so workers share the
 * turns, and the control channel of every call. Control messages are few (a barge-in, an end), so
 * each worker hears all of them and acts on the turns it holds, rather than subscribing per call
 * and racing the gateway's first interrupt against its own subscription.
 */
@Injectable()
export class ReplyHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private replies?: BusSubscription;
  private controls?: BusSubscription;

  constructor(
    private readonly bus: Bus,
    private readonly service: ReplyService,
  ) {}

  onApplicationBootstrap(): void {
    this.controls = this.bus.subscribe(voiceSubjects.control(ANY_TOKEN), (message, meta) => {
      const callId = parseVoiceSubject(meta.subject)?.callId;
      if (callId) this.service.control(callId, message);
    });
    this.replies = this.bus.serve(rpcSubjects.llmReply, (request) => this.service.accept(request));
  }

  /**
   * Before the bus drains: take no more turns, let those in flight finish (within the shutdown
   * deadline), then stop listening for controls.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.replies?.drain();
    await this.service.settled();
    await this.controls?.drain();
  }
}
