import { DEMO_KNOWLEDGE } from '../../testing/demo-agent';
import { parseKnowledge } from './knowledge-entries';

describe('parseKnowledge', () => {
  it('reads each "Topic: answer" line as an entry whose answer is spoken without its label', () => {
    const entries = parseKnowledge(DEMO_KNOWLEDGE);
    expect(entries.slice(0, 4)).toEqual([
      { topic: 'Business hours', answer: 'Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.' },
      { topic: 'Returns', answer: 'Unused items can be returned within 30 days with the receipt, for a full refund.' },
      {
        topic: 'Shipping',
        answer:
          'Standard shipping takes 3 to 5 business days and is free on orders over 50 dollars; ' +
          'express shipping takes 1 to 2 business days.',
      },
      { topic: 'Contact', answer: 'Email support@parley.local, or call this number during business hours.' },
    ]);
  });

  it('pairs each Q: with the answer lines after it, up to a blank line', () => {
    const entries = parseKnowledge('Q: Do you ship abroad?\nA: Yes, to the EU.\nIt takes a week.\n\nClosing line.');
    expect(entries).toEqual([
      { topic: 'Do you ship abroad?', answer: 'Yes, to the EU. It takes a week.' },
      { topic: '', answer: 'Closing line.' },
    ]);
    expect(parseKnowledge(DEMO_KNOWLEDGE).slice(4).map((entry) => entry.topic)).toEqual([
      'When are you open?',
      'How do I return an item?',
      'How long does shipping take?',
      'How can I reach a person?',
    ]);
  });

  it('accepts an answer without its A: marker and drops a question that has none', () => {
    expect(parseKnowledge('Question: Gift wrap?\nWe wrap for free.\n\nQ: Unanswered?')).toEqual([
      { topic: 'Gift wrap?', answer: 'We wrap for free.' },
    ]);
  });

  it('gives plain lines under a heading that heading as their topic, and strips list bullets', () => {
    expect(parseKnowledge('# Payments\n- we take cards and cash.\n* Invoices: on request.')).toEqual([
      { topic: 'Payments', answer: 'We take cards and cash.' },
      { topic: 'Payments Invoices', answer: 'On request.' },
    ]);
  });

  it('keeps times and links whole instead of reading them as labels', () => {
    expect(parseKnowledge('We open at 9:30 daily.\nSee https://parley.local/help.')).toEqual([
      { topic: '', answer: 'We open at 9:30 daily.' },
      { topic: '', answer: 'See https://parley.local/help.' },
    ]);
  });

  it('finds nothing in blank text', () => {
    expect(parseKnowledge('  \n\n ')).toEqual([]);
  });
});
