import { type DynamicModule, Module } from '@nestjs/common';
import { Bus, BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { LlmWorkerConfig } from './config';
import type { LlmProvider } from './providers/llm-provider';
import { LocalLlmProvider } from './providers/local/local-provider';
import { OpenAiLlmProvider } from './providers/openai/openai-provider';
import { ReportModule } from './report/report.module';
import { LlmProviders } from './reply/llm-providers';
import { ReplyMetrics } from './reply/reply-metrics';
import { ReplyHandler } from './reply/reply.handler';
import { ReplyService } from './reply/reply.service';
import { TurnRegistry } from './reply/turn-registry';
import { type AgentTools, createAgentTools } from './tools/tools.factory';

/** What tests and benchmarks change; production runs with the defaults. */
export interface LlmWorkerOptions {
  /** Prefix for every subject, so tests can share one NATS server. */
  readonly busNamespace?: string;
  /** The reply generators offered to agents; those `config` sets up by default. */
  readonly providers?: readonly LlmProvider[];
}

/**
 * Reply generation: serves `llm.v1.rpc.reply` and streams each reply by sentence on the call's
 * reply-text subject, stopping a turn when the call's control channel interrupts or ends it. The
 * providers run the agents' tools (docs/tools.md) and search their knowledge bases over the bus.
 * `/readyz` checks exactly what it uses: NATS.
 */
@Module({})
export class LlmWorkerModule {
  static forRoot(config: LlmWorkerConfig, logger: Logger, options: LlmWorkerOptions = {}): DynamicModule {
    const providersFactory = (bus: Bus) =>
      new LlmProviders(options.providers ?? configuredProviders(config, createAgentTools(config, bus, logger)));
    return {
      module: LlmWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'llm-worker', namespace: options.busNamespace ?? config.BUS_NAMESPACE, logger }),
        ReportModule.forRoot(config),
      ],
      providers: [
        busReadiness,
        { provide: LlmProviders, useFactory: providersFactory, inject: [Bus] },
        TurnRegistry,
        ReplyMetrics,
        ReplyService,
        ReplyHandler,
      ],
    };
  }
}

/** The local agent always; `openai` when it is configured. Both answer from knowledge bases over the bus. */
function configuredProviders(config: LlmWorkerConfig, tools: AgentTools): LlmProvider[] {
  const providers: LlmProvider[] = [new LocalLlmProvider({ knowledge: tools.knowledge, topK: tools.searchTopK })];
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL) {
    providers.push(
      new OpenAiLlmProvider({
        // OpenAI-compatible servers without auth still need the SDK to send some key.
        apiKey: config.OPENAI_API_KEY ?? 'unused',
        baseUrl: config.OPENAI_BASE_URL,
        defaultModel: config.OPENAI_MODEL,
        timeoutMs: config.OPENAI_TIMEOUT_MS,
        tools: tools.runner,
      }),
    );
  }
  return providers;
}
