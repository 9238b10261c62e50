import type { ChatCompletionChunk, ChatCompletionMessageFunctionToolCall } from 'openai/resources/chat/completions';

type ToolCallDelta = NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number];

/** Rebuilds whole tool calls from streamed deltas: the first of an index names it, the rest add argument text. */
export class ToolCallAccumulator {
  private readonly calls: { id: string; name: string; arguments: string }[] = [];

  add(deltas: readonly ToolCallDelta[]): void {
    for (const delta of deltas) {
      const call = (this.calls[delta.index] ??= { id: '', name: '', arguments: '' });
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
    }
  }

  get size(): number {
    return this.calls.length;
  }

  toolCalls(): ChatCompletionMessageFunctionToolCall[] {
    return this.calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  }
}
