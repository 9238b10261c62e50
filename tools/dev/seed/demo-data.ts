// What the demo organization looks like. Changing a value here changes it on the next seed.

export const DEMO_ORG_NAME = 'Parley Demo';
export const DEMO_USER_EMAIL = 'demo@parley.local';
export const DEMO_USER_NAME = 'Demo User';
export const VOICE_KEY_NAME = 'demo voice key';
export const API_KEY_NAME = 'demo api key';
export const STARTING_POINTS = 100_000n;

export const DEMO_AGENT = {
  name: 'Demo Support Agent',
  description: 'A friendly support agent for the Parley demo shop.',
  systemPrompt:
    'You are the friendly phone support agent of the Parley demo shop. Answer briefly and warmly, ' +
    'only from the knowledge you were given. If you do not know, offer to connect the caller with ' +
    'a person at support@parley.local. Say goodbye when the caller is done.',
  startingMessage: 'Hi, thanks for calling the Parley demo shop! How can I help you today?',
  knowledgeText: [
    'Business hours: Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.',
    'Returns: unused items can be returned within 30 days with the receipt, for a full refund.',
    'Shipping: standard shipping takes 3 to 5 business days and is free on orders over 50 dollars; ' +
      'express shipping takes 1 to 2 business days.',
    'Contact: email support@parley.local, or call this number during business hours.',
  ].join('\n'),
  faq: [
    { question: 'When are you open?', answer: 'Monday to Friday 9 to 6, Saturday 10 to 2, closed Sunday.' },
    { question: 'How do I return an item?', answer: 'Bring it back unused within 30 days with the receipt.' },
    { question: 'How long does shipping take?', answer: 'Standard 3 to 5 business days, express 1 to 2.' },
    { question: 'How can I reach a person?', answer: 'Email support@parley.local during business hours.' },
  ],
};
