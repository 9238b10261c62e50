/** Said to a caller of a number no config maps to an agent, before hanging up. */
export const UNKNOWN_NUMBER_MESSAGE = 'Sorry, this number is not in service. Please check the number and try again. Goodbye.';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** A polite refusal: the caller hears why, then the call ends. */
export function sayAndHangUpTwiml(message: string): string {
  return `<Response><Say>${message.replace(/[&<>"']/g, (char) => XML_ESCAPES[char])}</Say><Hangup/></Response>`;
}
