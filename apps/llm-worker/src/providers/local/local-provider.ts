import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { ChatMessage, LlmReplyRequest } from '@parley/contracts';
import { splitSentences } from '../../text/sentence-segmenter';
import type { LlmProvider, ReplyEvent } from '../llm-provider';
import { callerIntent, expressesGratitude } from './caller-intent';
import { localPhrases } from './local-phrases';
import { RetrieverCache } from './retriever-cache';

/** What the local agent decided to say, before it is streamed. */
interface LocalReply {
  readonly text: string;
  readonly endCall?: boolean;
  readonly unanswered?: 'no-match' | 'unclear';
}

/**
 * The agent that works offline: deterministic, no model, no network. It opens the call with the
 * agent's greeting, answers from the agent's knowledge text by lexical retrieval, says the agent's
 * fallback phrase when nothing there answers, and closes the call when the caller says goodbye.
 * It reads only the caller's last utterance, so it holds no conversation state.
 */
export class LocalLlmProvider implements LlmProvider {
  readonly name = 'local';
  private readonly retrievers = new RetrieverCache();

  async *reply(request: LlmReplyRequest, signal: AbortSignal): AsyncIterable<ReplyEvent> {
    const decided = this.decide(request);
    if (decided.unanswered) yield { type: 'unanswered', reason: decided.unanswered };
    const sentences = splitSentences(decided.text);
    for (const [i, sentence] of sentences.entries()) {
      // Give the event loop a turn between sentences, as a streaming model would, so an interrupt
      // that arrives while a long answer is streamed stops it.
      if (i > 0) await nextTurnOfEventLoop();
      if (signal.aborted) return;
      // The space after a sentence tells the segmenter it is complete, so it goes out at once; the
      // last has none, so it is flushed as the final chunk rather than followed by an empty one.
      yield { type: 'text', text: i < sentences.length - 1 ? `${sentence} ` : sentence };
    }
    if (decided.endCall) yield { type: 'end-call' };
  }

  /** The whole reply to the request's conversation. */
  private decide(request: LlmReplyRequest): LocalReply {
    const { agent } = request;
    const utterance = lastUserUtterance(request.messages);
    if (utterance === undefined) return { text: agent.greeting || localPhrases.greeting };
    switch (callerIntent(utterance)) {
      case 'unclear':
        return { text: localPhrases.unclear, unanswered: 'unclear' };
      case 'goodbye':
        return { text: localPhrases.closing, endCall: true };
      case 'courtesy':
        return { text: expressesGratitude(utterance) ? localPhrases.welcome : localPhrases.listening };
      case 'question': {
        const entry = agent.knowledge ? this.retrievers.for(agent.knowledge).answer(utterance) : undefined;
        if (entry) return { text: entry.answer };
        return { text: agent.fallbackMessage ?? localPhrases.fallback, unanswered: 'no-match' };
      }
    }
  }
}

/** What the caller said last; undefined while the caller has not spoken (the opening turn). */
function lastUserUtterance(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return messages[i].content;
  return undefined;
}
