import { speechFromText } from '@parley/testing';
import { DEMO_AGENT } from '../../dev/seed/demo-data';

/** A caller question ready to stream: its words and its 16 kHz flite speech. */
export interface Question {
  readonly text: string;
  readonly samples: Int16Array;
}

/** What callers ask the demo shop: its FAQ, so every question has an answer in the knowledge. */
export const DEMO_QUESTIONS: readonly string[] = DEMO_AGENT.faq.map(({ question }) => question);

/** Synthesises each question once (flite, voice slt), before any call is placed. */
export function prepareQuestions(texts: readonly string[] = DEMO_QUESTIONS): Promise<Question[]> {
  return Promise.all(texts.map(async (text) => ({ text, samples: await speechFromText(text) })));
}
