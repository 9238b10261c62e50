import type { LlmReplyRequest, ReplyTextChunk } from '@parley/contracts';
import type { LlmProvider, ReplyEvent } from '../providers/llm-provider';
import { SentenceSegmenter } from '../text/sentence-segmenter';
import { untilAborted } from './until-aborted';

export type TurnOutcome = 'answered' | 'fallback' | 'goodbye' | 'cancelled' | 'failed';

export interface TurnReport {
  readonly outcome: TurnOutcome;
  /** Chunks published, the final one included. */
  readonly chunks: number;
  /** From the turn's acceptance to its first published chunk, in ms; absent when none was published. */
  readonly firstChunkMs?: number;
  /** What made the turn fail. */
  readonly error?: unknown;
  /** Model tokens the turn used, when the provider runs a model. */
  readonly usage?: TokenUsage;
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface TurnInput {
  readonly provider: LlmProvider;
  readonly request: LlmReplyRequest;
  readonly signal: AbortSignal;
  /** `performance.now()` when the request was accepted. */
  readonly acceptedAt: number;
  /** Publishes one chunk on the call's reply-text subject. */
  readonly send: (chunk: ReplyTextChunk) => void;
  /** Hears a provider that failed to close after its turn was stopped. */
  readonly onCloseError: (err: unknown) => void;
}

/** Said when generation fails part-way, so the caller is not left in silence waiting for the end. */
export const FAILURE_SENTENCE = "Sorry, I'm having trouble answering right now. Could you say that again?";

/**
 * Publishes numbered chunks of one turn. Once the turn's signal has aborted it publishes nothing,
 * whatever its caller still tries: an interrupted turn must fall silent at once.
 */
class ChunkWriter {
  chunks = 0;
  firstChunkMs?: number;
  usage?: TokenUsage;

  constructor(private readonly input: TurnInput) {}

  write(text: string, final: boolean, effects: TurnEffects = {}): void {
    if (this.input.signal.aborted) return;
    const chunk: ReplyTextChunk = { turnId: this.input.request.turnId, sentenceIndex: this.chunks, text, final, ...effects };
    if (final && this.usage) chunk.usage = this.usage;
    this.input.send(chunk);
    this.chunks++;
    this.firstChunkMs ??= performance.now() - this.input.acceptedAt;
  }
}

/** What the gateway does once the turn has been spoken: the final chunk's tool effects. */
type TurnEffects = Pick<ReplyTextChunk, 'endCall' | 'transfer' | 'dtmf'>;

/**
 * Runs one turn: streams the provider's reply as sentences, each published as soon as it is
 * complete; the last chunk carries `final` and the turn's effects (`endCall`, `transfer`, `dtmf`).
 * A stopped turn publishes nothing more, not even a final chunk: whoever stopped it already knows.
 */
export async function runTurn(input: TurnInput): Promise<TurnReport> {
  const writer = new ChunkWriter(input);
  const segmenter = new SentenceSegmenter();
  const effects: TurnEffects = {};
  let unanswered = false;
  try {
    const events = input.provider.reply(input.request, input.signal);
    for await (const event of untilAborted(events, input.signal, input.onCloseError)) {
      if (event.type === 'text') for (const sentence of segmenter.push(event.text)) writer.write(sentence, false);
      else if (event.type === 'usage') writer.usage = addUsage(writer.usage, event);
      else if (event.type === 'unanswered') unanswered = true;
      else addEffect(effects, event);
    }
  } catch (error) {
    if (input.signal.aborted) return report(writer, 'cancelled');
    writer.write(FAILURE_SENTENCE, true);
    return { ...report(writer, 'failed'), error };
  }
  if (input.signal.aborted) return report(writer, 'cancelled');
  writer.write(segmenter.flush() ?? '', true, effects);
  return report(writer, effects.endCall ? 'goodbye' : unanswered ? 'fallback' : 'answered');
}

/** Keys pressed in one turn play in the order they were asked for; the last transfer asked for wins. */
function addEffect(effects: TurnEffects, event: Extract<ReplyEvent, { type: 'end-call' | 'transfer' | 'dtmf' }>): void {
  if (event.type === 'end-call') effects.endCall = true;
  else if (event.type === 'transfer') effects.transfer = { to: event.to };
  else effects.dtmf = `${effects.dtmf ?? ''}${event.digits}`.slice(0, 32);
}

function report(writer: ChunkWriter, outcome: TurnOutcome): TurnReport {
  return { outcome, chunks: writer.chunks, firstChunkMs: writer.firstChunkMs, usage: writer.usage };
}

/** A turn with tool calls asks the model more than once: its usage is the sum. */
function addUsage(total: TokenUsage | undefined, more: TokenUsage): TokenUsage {
  return { inputTokens: (total?.inputTokens ?? 0) + more.inputTokens, outputTokens: (total?.outputTokens ?? 0) + more.outputTokens };
}
