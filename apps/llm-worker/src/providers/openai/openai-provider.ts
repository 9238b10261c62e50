import type { LlmReplyRequest } from '@parley/contracts';
import OpenAI from 'openai';
import type {
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { offeredTools } from '../../tools/tool-catalog';
import type { ToolOutcome, ToolRunner } from '../../tools/tool-runner';
import { LlmError, type LlmProvider, type ReplyEvent } from '../llm-provider';
import { toOpenAiErrorKind } from './openai-errors';
import { toOpenAiMessages } from './openai-messages';
import { ToolCallAccumulator } from './tool-call-accumulator';

export interface OpenAiProviderOptions {
  readonly apiKey: string;
  /** OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp): `http://host:port/v1`. */
  readonly baseUrl?: string;
  /** Used when the agent names none. */
  readonly defaultModel: string;
  /** Wait for the model's first chunk; the gateway's own first-sentence timeout is usually shorter. */
  readonly timeoutMs: number;
  /** Runs the tools the model calls; without it only `end_call` is offered (and needs no runner). */
  readonly tools?: ToolRunner;
}

/** Model rounds per turn: a tool call and the text after it, with room for two more calls. */
export const MAX_ROUNDS = 4;

/** Tools whose only result is an effect on the call: after words already spoken, no second round. */
const EFFECT_TOOLS: ReadonlySet<string> = new Set(['end_call', 'transfer_call', 'send_dtmf']);

/**
 * Streaming chat completions through the official SDK: text deltas go out as they arrive (the worker
 * cuts sentences, so the first one reaches TTS as soon as it is complete), tool calls are run here
 * and answered, and the model is asked again until it has said what it wants to say.
 */
export class OpenAiLlmProvider implements LlmProvider {
  readonly name = 'openai';
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiProviderOptions) {
    // Retries belong to the call loop (it has a deadline); the SDK would spend it on backoff. Its own
    // timeout would cut a long streamed answer: the first-chunk deadline below replaces it.
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  }

  async *reply(request: LlmReplyRequest, signal: AbortSignal): AsyncIterable<ReplyEvent> {
    if (!request.messages.some((message) => message.role === 'user') && request.agent.greeting?.trim()) {
      yield { type: 'text', text: request.agent.greeting.trim() };
      return;
    }
    const messages = toOpenAiMessages(request);
    const tools = toChatTools(request, this.options.tools !== undefined);
    for (let round = 0; round < MAX_ROUNDS && !signal.aborted; round++) {
      const toolCalls = new ToolCallAccumulator();
      let said = '';
      // In the last round the model may call no tool, so it has to answer in words.
      const lastRound = round === MAX_ROUNDS - 1;
      for await (const event of this.complete(request, messages, { tools, lastRound }, toolCalls, signal)) {
        if (event.type === 'text') said += event.text;
        yield event;
      }
      if (toolCalls.size === 0) return;
      const calls = toolCalls.toolCalls();
      messages.push({ role: 'assistant', content: said || null, tool_calls: calls });
      yield* this.answerToolCalls(calls, messages, request, signal);
      // Effects after words already spoken need no second round.
      if (said && calls.every((call) => EFFECT_TOOLS.has(call.function.name))) return;
    }
  }

  /** Runs the round's tool calls at once, yields their effects in order and answers each in `messages`. */
  private async *answerToolCalls(
    calls: ChatCompletionMessageFunctionToolCall[],
    messages: ChatCompletionMessageParam[],
    request: LlmReplyRequest,
    signal: AbortSignal,
  ): AsyncIterable<ReplyEvent> {
    const outcomes = await Promise.all(calls.map((call) => this.runTool(call.function, request, signal)));
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.effect) yield outcome.effect;
      messages.push({ role: 'tool', tool_call_id: calls[i].id, content: outcome.result });
    }
  }

  /** One streamed completion: text and usage out, tool calls into `toolCalls`. */
  private async *complete(
    request: LlmReplyRequest,
    messages: ChatCompletionMessageParam[],
    offer: { tools: ChatCompletionTool[]; lastRound: boolean },
    toolCalls: ToolCallAccumulator,
    signal: AbortSignal,
  ): AsyncIterable<ReplyEvent> {
    const { llm } = request.agent;
    // The deadline covers the wait for the first chunk; once the model streams, it may take its time.
    const firstChunk = new AbortController();
    const deadline = setTimeout(() => firstChunk.abort(), this.options.timeoutMs);
    try {
      const stream = await this.client.chat.completions.create(
        {
          model: llm.model && llm.model !== 'default' ? llm.model : this.options.defaultModel,
          messages,
          tools: offer.tools,
          ...(offer.lastRound ? { tool_choice: 'none' as const } : {}),
          stream: true,
          stream_options: { include_usage: true },
          ...(llm.temperature !== undefined ? { temperature: llm.temperature } : {}),
          ...(llm.maxTokens !== undefined ? { max_tokens: llm.maxTokens } : {}),
        },
        { signal: AbortSignal.any([signal, firstChunk.signal]) },
      );
      for await (const chunk of stream) {
        clearTimeout(deadline);
        const delta = chunk.choices[0]?.delta;
        if (delta?.content) yield { type: 'text', text: delta.content };
        if (delta?.tool_calls) toolCalls.add(delta.tool_calls);
        if (chunk.usage) yield { type: 'usage', inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      }
    } catch (err) {
      if (signal.aborted) return;
      const kind = firstChunk.signal.aborted ? 'timeout' : toOpenAiErrorKind(err);
      throw new LlmError(kind, `openai: ${(err as Error).message}`, { cause: err });
    } finally {
      clearTimeout(deadline);
    }
  }

  private async runTool(call: { name: string; arguments: string }, request: LlmReplyRequest, signal: AbortSignal): Promise<ToolOutcome> {
    if (this.options.tools) return this.options.tools.run(call, request, signal);
    if (call.name === 'end_call') return { result: END_CALL_RESULT, effect: { type: 'end-call' } };
    return { result: `There is no tool named "${call.name}".` };
  }
}

const END_CALL_RESULT = 'The call ends after your reply. Say a short goodbye if you have not.';

/** The agent's tools as chat-completion functions; only `end_call` when the provider runs no tools. */
function toChatTools(request: LlmReplyRequest, runsTools: boolean): ChatCompletionTool[] {
  const tools = offeredTools(request.agent).filter((tool) => runsTools || tool.name === 'end_call');
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}
