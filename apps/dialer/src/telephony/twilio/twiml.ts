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
