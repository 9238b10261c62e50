import { demoAgent, demoRequest } from '../../testing/demo-agent';
import { ListedKnowledge } from '../../testing/listed-knowledge';
import type { KnowledgeHit } from '../../tools/knowledge-search';
import type { ReplyEvent } from '../llm-provider';
import { localPhrases } from './local-phrases';
import { LocalLlmProvider } from './local-provider';

const KB = '1b7c2a4e-59d0-4f1a-8a3e-2b6c9d0e1f21';

const passage = (content: string, source = 'warranty.md'): KnowledgeHit => ({ chunkId: 'c1', knowledgeBaseId: KB, content, source, score: 1 });

async function replyText(provider: LocalLlmProvider, said: string, knowledgeBaseIds = [KB]): Promise<string> {
  const events: ReplyEvent[] = [];
  const request = demoRequest(said, { agent: { ...demoAgent, knowledgeBaseIds }, orgId: 'org_9' });
  for await (const event of provider.reply(request, new AbortController().signal)) events.push(event);
  return events.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('');
}

describe('LocalLlmProvider with knowledge bases', () => {
  const warranty = passage(
    '# Warranty\nEvery bicycle carries a five year warranty on the frame. Keep the receipt to claim it. ' +
      'Claims are handled in the shop within ten days, and a loan bicycle is available while yours is repaired. ' +
      'Wear parts such as tyres and brake pads are not covered.',
  );

  it('answers a question from a passage its knowledge base returns, speaking its first sentences', async () => {
    const knowledge = new ListedKnowledge([warranty]);
    const answer = await replyText(new LocalLlmProvider({ knowledge, topK: 4 }), 'How long is the warranty on a bicycle frame?');
    expect(answer).toBe(
      'Every bicycle carries a five year warranty on the frame. Keep the receipt to claim it. ' +
        'Claims are handled in the shop within ten days, and a loan bicycle is available while yours is repaired.',
    );
    expect(knowledge.asked).toEqual([{ orgId: 'org_9', knowledgeBaseIds: [KB], query: 'How long is the warranty on a bicycle frame?', topK: 4 }]);
  });

  it('still answers from its own knowledge text when the passages do not cover the question', async () => {
    const answer = await replyText(new LocalLlmProvider({ knowledge: new ListedKnowledge([warranty]) }), 'What are your business hours?');
    expect(answer).toBe('Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.');
  });

  it('falls back to the knowledge text when the search fails, and does not search without knowledge bases', async () => {
    const knowledge = new ListedKnowledge([warranty]);
    knowledge.failing = true;
    const provider = new LocalLlmProvider({ knowledge });
    await expect(replyText(provider, 'How long is the warranty on a bicycle frame?')).resolves.toBe(localPhrases.fallback);
    await expect(replyText(provider, 'How long does shipping take?')).resolves.toBe('Standard 3 to 5 business days, express 1 to 2.');
    knowledge.failing = false;
    const asked = knowledge.asked.length;
    await expect(replyText(provider, 'How long is the warranty on a bicycle frame?', [])).resolves.toBe(localPhrases.fallback);
    expect(knowledge.asked.length).toBe(asked);
  });
});
