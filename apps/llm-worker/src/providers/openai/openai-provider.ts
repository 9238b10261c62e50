import type { LlmReplyRequest } from '@parley/contracts';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
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
}

const END_CALL_TOOL: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'end_call',
    description: 'End the phone call after your reply, when the caller says goodbye or nothing is left to do.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
};

/** Model rounds per turn: a tool call and the text after it, with room for one more call. */
const MAX_ROUNDS = 3;

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
    for (let round = 0; round < MAX_ROUNDS && !signal.aborted; round++) {
      const toolCalls = new ToolCallAccumulator();
      let spoke = false;
      for await (const event of this.complete(request, messages, toolCalls, signal)) {
        if (event.type === 'text') spoke = true;
        yield event;
      }
      if (toolCalls.size === 0) return;
      messages.push({ role: 'assistant', content: null, tool_calls: toolCalls.toolCalls() });
      for (const call of toolCalls.toolCalls()) {
        if (call.function.name === 'end_call') yield { type: 'end-call' };
        messages.push({ role: 'tool', tool_call_id: call.id, content: this.runTool(call.function.name) });
      }
      // Ending the call after words already spoken needs no second round.
      if (spoke && toolCalls.toolCalls().every((call) => call.function.name === 'end_call')) return;
    }
  }

  /** One streamed completion: text and usage out, tool calls into `toolCalls`. */
  private async *complete(
    request: LlmReplyRequest,
    messages: ChatCompletionMessageParam[],
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
          tools: [END_CALL_TOOL],
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

  private runTool(name: string): string {
    if (name === 'end_call') return 'The call ends after your reply. Say a short goodbye if you have not.';
    return `Unknown tool "${name}".`;
  }
}
