const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

/**
 * TwiML that connects the answered call to a bidirectional Media Stream at `url`: Twilio opens the
 * WebSocket and keeps the call up until the stream ends. `parameters` reach the gateway as the
 * `start` message's `customParameters`.
 */
export function connectStreamTwiml(url: string, parameters: Readonly<Record<string, string>> = {}): string {
  const children = Object.entries(parameters)
    .map(([name, value]) => `<Parameter name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join('');
  return `<Response><Connect><Stream url="${escapeXml(url)}">${children}</Stream></Connect></Response>`;
}

/**
 * TwiML that dials `to` (E.164) for the call: given to a live call, it ends the call's Media
 * Stream and connects the other party to `to` (a cold transfer). Twilio's default caller id applies.
 */
export function dialTwiml(to: string): string {
  return `<Response><Dial>${escapeXml(to)}</Dial></Response>`;
}
