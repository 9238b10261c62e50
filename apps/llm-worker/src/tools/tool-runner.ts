import { DTMF_DIGITS, e164Schema, type LlmReplyRequest } from '@parley/contracts';
import type { ReplyEvent } from '../providers/llm-provider';
import type { HttpToolCaller } from './http-tool-caller';
import type { KnowledgeHit, KnowledgeSearch } from './knowledge-search';
import { isCustomTool, offeredTools } from './tool-catalog';

/** What a tool does to the call besides its result: carried out by the gateway after the reply. */
export type ToolEffect = Extract<ReplyEvent, { type: 'end-call' | 'transfer' | 'dtmf' }>;

export interface ToolOutcome {
  /** Fed back to the model as the tool message. */
  readonly result: string;
  readonly effect?: ToolEffect;
}

/** One call the model made: its arguments as the JSON text it streamed. */
export interface ToolCallInput {
  readonly name: string;
  readonly arguments: string;
}

export interface ToolRunnerDeps {
  readonly knowledge?: KnowledgeSearch;
  readonly http: HttpToolCaller;
  /** Passages `search_kb` returns. */
  readonly searchTopK: number;
}

/**
 * Runs the tools a model calls: the built-ins here, custom ones over HTTP. Only tools the agent
 * was offered run; every failure (bad arguments, an unreachable service) becomes a result text the
 * model can work with, never an exception, so a tool never takes the call down.
 */
export class ToolRunner {
  constructor(private readonly deps: ToolRunnerDeps) {}

  async run(call: ToolCallInput, request: LlmReplyRequest, signal: AbortSignal): Promise<ToolOutcome> {
    const tool = offeredTools(request.agent).find((offered) => offered.name === call.name);
    if (!tool) return { result: `There is no tool named "${call.name}".` };
    const args = parseArguments(call.arguments);
    if (args === undefined) return { result: `The arguments of ${call.name} are not a JSON object.` };
    if (isCustomTool(tool)) {
      const result = await this.deps.http.call({ tool, arguments: args, callId: request.callId, agentId: request.agent.agentId, signal });
      return { result };
    }
    switch (call.name) {
      case 'end_call':
        return { result: 'The call ends after your reply. Say a short goodbye if you have not.', effect: { type: 'end-call' } };
      case 'transfer_call':
        return transfer(args['to']);
      case 'send_dtmf':
        return dtmf(args['digits']);
      default:
        return { result: await this.searchKnowledge(args['query'], request) };
    }
  }

  private async searchKnowledge(query: unknown, request: LlmReplyRequest): Promise<string> {
    if (typeof query !== 'string' || !query.trim()) return 'search_kb needs a "query" text.';
    if (!this.deps.knowledge) return 'The knowledge search is not available; answer without it.';
    try {
      const hits = await this.deps.knowledge.search({
        orgId: request.orgId,
        knowledgeBaseIds: request.agent.knowledgeBaseIds.slice(0, 16),
        query: query.trim().slice(0, 2_000),
        topK: this.deps.searchTopK,
      });
      return formatHits(hits);
    } catch {
      return 'The knowledge search is not available right now; answer without it.';
    }
  }
}

function transfer(to: unknown): ToolOutcome {
  const number = e164Schema.safeParse(typeof to === 'string' ? to.replace(/[\s().-]/g, '') : to);
  if (!number.success) return { result: 'Not transferred: "to" must be an E.164 number such as +14155550100.' };
  return {
    result: `The caller is transferred to ${number.data} once your reply has been spoken. Tell them briefly.`,
    effect: { type: 'transfer', to: number.data },
  };
}

function dtmf(digits: unknown): ToolOutcome {
  const keys = typeof digits === 'string' ? digits.replace(/\s/g, '').toUpperCase() : '';
  if (!DTMF_DIGITS.test(keys)) return { result: 'No keys pressed: "digits" may hold only 0-9, *, # and A-D (at most 32).' };
  return { result: `The keys ${keys} are pressed once your reply has been spoken.`, effect: { type: 'dtmf', digits: keys } };
}

/** Numbered passages with their source, best first, for the model to answer from. */
export function formatHits(hits: readonly KnowledgeHit[]): string {
  if (hits.length === 0) return 'Nothing in the knowledge bases matches that.';
  return hits.map((hit, i) => `[${i + 1}] (${hit.source}) ${hit.content.trim()}`).join('\n\n');
}

function parseArguments(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.trim() || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
