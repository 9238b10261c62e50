import { DEMO_KNOWLEDGE } from '../../testing/demo-agent';
import { KnowledgeRetriever } from './knowledge-retriever';

describe('KnowledgeRetriever over the demo shop knowledge', () => {
  const retriever = new KnowledgeRetriever(DEMO_KNOWLEDGE);

  it.each([
    ['What are your business hours?', 'Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.'],
    ['when are you open', 'Monday to Friday 9 to 6, Saturday 10 to 2, closed Sunday.'],
    ['how do I return an item', 'Bring it back unused within 30 days with the receipt.'],
    ['can I get a refund', 'Unused items can be returned within 30 days with the receipt, for a full refund.'],
    ['I want to return my order', 'Unused items can be returned within 30 days with the receipt, for a full refund.'],
    ['how long does shipping take', 'Standard 3 to 5 business days, express 1 to 2.'],
    ['how much is shipping', expect.stringContaining('free on orders over 50 dollars')],
    ['how can I contact you', 'Email support@parley.local, or call this number during business hours.'],
    ['what is your phone number', 'Email support@parley.local, or call this number during business hours.'],
    ['can I talk to a person', 'Email support@parley.local during business hours.'],
  ])('answers %j from the matching entry', (question, answer) => {
    expect(retriever.answer(question)?.answer).toEqual(answer);
  });

  it.each(['what is the weather in paris', 'do you sell business insurance', 'do you deliver to canada', 'what is it'])(
    'finds no answer to %j',
    (question) => {
      expect(retriever.answer(question)).toBeUndefined();
    },
  );

  it('answers nothing from empty knowledge', () => {
    expect(new KnowledgeRetriever('').answer('what are your hours')).toBeUndefined();
  });

  it('answers only above the coverage it is given', () => {
    const strict = new KnowledgeRetriever(DEMO_KNOWLEDGE, 0.9);
    expect(strict.answer('I want to return my order')).toBeUndefined();
    expect(strict.answer('can I get a refund')).toBeDefined();
  });
});
