/** What the fake needs from a call's TwiML: the `<Connect><Stream>` target and its parameters. */
export interface TwimlStream {
  readonly url: string;
  /** `<Parameter name value/>` children: the media stream's `start.customParameters`. */
  readonly parameters: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Thrown for TwiML Twilio would refuse (the fake fails the call, as Twilio does with error 12100). */
export class TwimlError extends Error {}

/**
 * Reads a TwiML document the way the fake needs it: it must be a `<Response>`; a
 * `<Connect><Stream url="wss://...">` is the only verb the fake acts on (null without one).
 */
export function parseTwimlStream(twiml: string): TwimlStream | null {
  const document = twiml.trim();
  if (!/^(<\?xml[^>]*\?>\s*)?<Response\s*>[\s\S]*<\/Response>$/.test(document) && !/^<Response\s*\/>$/.test(document)) {
    throw new TwimlError('TwiML must be one <Response> document');
  }
  const connect = /<Connect\b[^>]*>([\s\S]*?)<\/Connect>/.exec(document);
  const stream = connect && /<Stream\b([^>]*?)(\/>|>([\s\S]*?)<\/Stream>)/.exec(connect[1]);
  if (!stream) return null;
  const url = attribute(stream[1], 'url');
  if (!url || !/^wss?:\/\//.test(url)) throw new TwimlError('<Stream> needs a url attribute with a ws:// or wss:// URL');
  return { url, parameters: parametersOf(stream[3] ?? '') };
}

function parametersOf(body: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const match of body.matchAll(/<Parameter\b([^>]*?)\/>/g)) {
    const name = attribute(match[1], 'name');
    if (name) parameters[name] = attribute(match[1], 'value') ?? '';
  }
  return parameters;
}

function attribute(attributes: string, name: string): string | undefined {
  const found = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  if (!found) return undefined;
  return (found[2] ?? found[3]).replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ENTITIES[entity]);
}
