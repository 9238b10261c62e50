import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { ChatMessage, LlmReplyRequest } from '@parley/contracts';
import { splitSentences } from '../../text/sentence-segmenter';
import type { KnowledgeHit, KnowledgeSearch } from '../../tools/knowledge-search';
import type { LlmProvider, ReplyEvent } from '../llm-provider';
import { callerIntent, expressesGratitude } from './caller-intent';
import type { KnowledgeEntry } from './knowledge-entries';
import { passageEntries } from './knowledge-passages';
import { KnowledgeRetriever } from './knowledge-retriever';
import { localPhrases } from './local-phrases';
import { RetrieverCache } from './retriever-cache';

export interface LocalProviderOptions {
  /** Searches the agent's knowledge bases; without it the agent answers from its knowledge text alone. */
  readonly knowledge?: KnowledgeSearch;
  /** Passages asked for per question. */
  readonly topK?: number;
}

/** What the local agent decided to say, before it is streamed. */
interface LocalReply {
  readonly text: string;
  readonly endCall?: boolean;
  readonly unanswered?: 'no-match' | 'unclear';
}

/**
 * The agent that works without a model: deterministic, and offline unless the agent has knowledge
 * bases. It opens the call with the agent's greeting, answers by lexical retrieval from the agent's
 * knowledge text merged with the passages its knowledge bases return for the question
 * (`knowledge.v1.rpc.search`), says the agent's fallback phrase when nothing there answers, and
 * closes the call when the caller says goodbye. It reads only the caller's last utterance, so it
 * holds no conversation state. A knowledge search that fails leaves the knowledge text to answer.
 */
export class LocalLlmProvider implements LlmProvider {
  readonly name = 'local';
  private readonly retrievers = new RetrieverCache();

  constructor(private readonly options: LocalProviderOptions = {}) {}

  async *reply(request: LlmReplyRequest, signal: AbortSignal): AsyncIterable<ReplyEvent> {
    const decided = await this.decide(request);
    if (signal.aborted) return;
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
  private async decide(request: LlmReplyRequest): Promise<LocalReply> {
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
        const entry = await this.answer(request, utterance);
        if (entry) return { text: entry.answer };
        return { text: agent.fallbackMessage ?? localPhrases.fallback, unanswered: 'no-match' };
      }
    }
  }

  /** The entry that answers the question: from the knowledge text, merged with passages when the agent has knowledge bases. */
  private async answer(request: LlmReplyRequest, question: string): Promise<KnowledgeEntry | undefined> {
    const { knowledge } = request.agent;
    const passages = await this.passages(request, question);
    if (passages.length === 0) return knowledge ? this.retrievers.for(knowledge).answer(question) : undefined;
    const own = knowledge ? this.retrievers.for(knowledge).entries : [];
    return new KnowledgeRetriever([...own, ...passages.flatMap(passageEntries)]).answer(question);
  }

  private async passages(request: LlmReplyRequest, question: string): Promise<KnowledgeHit[]> {
    const { knowledgeBaseIds } = request.agent;
    if (!this.options.knowledge || knowledgeBaseIds.length === 0) return [];
    const query = question.trim().slice(0, 2_000);
    if (!query) return [];
    const search = { orgId: request.orgId, knowledgeBaseIds: knowledgeBaseIds.slice(0, 16), query, topK: this.options.topK ?? 3 };
    // The search logs its failure; the call goes on with the knowledge text.
    return this.options.knowledge.search(search).catch(() => []);
  }
}

/** What the caller said last; undefined while the caller has not spoken (the opening turn). */
function lastUserUtterance(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return messages[i].content;
  return undefined;
}
