/**
 * The agent's knowledge text as separate answers (the format `agentConfigSchema.knowledge`
 * documents): one entry per line, written `Topic: answer` or plain, or a `Q:` / `A:` pair whose
 * answer runs until a blank line or the next `Q:`. A `# Heading` names the topic of the lines under it.
 */
export interface KnowledgeEntry {
  /** The question or label the answer belongs to; searched, not spoken. */
  readonly topic: string;
  /** What the agent says. */
  readonly answer: string;
}

const QUESTION = /^(?:q|question)\s*[:.)]\s*(.+)$/i;
const ANSWER = /^(?:a|answer)\s*[:.)]\s*(.+)$/i;
const HEADING = /^#+\s*(.+)$/;
// A short label before a colon and a space; "9:00" and "https://" have no space after the colon.
const LABELLED = /^([^:.?!]{1,48}):\s+(\S.*)$/;
const BULLET = /^(?:[-*•]|\d{1,2}[.)])\s+/;

interface OpenPair {
  question: string;
  answer: string[];
}

export function parseKnowledge(text: string): KnowledgeEntry[] {
  const entries: KnowledgeEntry[] = [];
  let pair: OpenPair | undefined;
  let heading = '';
  const closePair = () => {
    if (pair && pair.answer.length > 0) entries.push(entry(pair.question, pair.answer.join(' ')));
    pair = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(BULLET, '');
    const question = QUESTION.exec(line);
    const title = HEADING.exec(line);
    if (question) {
      closePair();
      pair = { question: question[1], answer: [] };
    } else if (!line) closePair();
    else if (pair) pair.answer.push(ANSWER.exec(line)?.[1] ?? line);
    else if (title) heading = title[1];
    else entries.push(plainEntry(line, heading));
  }
  closePair();
  return entries.filter((e) => e.answer.length > 0);
}

function plainEntry(line: string, heading: string): KnowledgeEntry {
  const labelled = LABELLED.exec(line);
  if (!labelled) return entry(heading, line);
  return entry([heading, labelled[1]].filter(Boolean).join(' '), labelled[2]);
}

function entry(topic: string, answer: string): KnowledgeEntry {
  const spoken = answer.trim();
  return { topic: topic.trim(), answer: spoken.charAt(0).toUpperCase() + spoken.slice(1) };
}
