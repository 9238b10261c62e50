/** What the local agent says when the agent's configuration does not say otherwise. */
export const localPhrases = {
  greeting: 'Hello! How can I help you today?',
  fallback: "I'm sorry, I don't have that information. Is there anything else I can help with?",
  unclear: "Sorry, I didn't catch that. Could you say it again?",
  closing: 'Thank you for calling. Goodbye!',
  welcome: "You're welcome. Is there anything else I can help you with?",
  listening: "I'm listening. How can I help you?",
} as const;
