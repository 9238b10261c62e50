import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTwilioCall, type FakeTwilioCallScript } from './fake-twilio-call';
import { twilioSid } from './twilio-ids';
import { silentMediaLeg, type TwilioMediaLegRunner } from './twilio-media-leg';
import { invalid, notFound, TwilioRestError, unauthenticated } from './twilio-rest-error';
import { callResource } from './twilio-call-resource';
import { parseTwimlStream, TwimlError, type TwimlStream } from './twiml-stream';

export interface FakeTwilioOptions {
  readonly accountSid?: string;
  readonly authToken?: string;
  /** Runs the callee's side of each `<Stream>` (default: connect, stay silent, stop on hang-up). */
  readonly media?: TwilioMediaLegRunner;
  /** How calls behave unless `script` queued something else (answered by a human). */
  readonly script?: FakeTwilioCallScript;
}

const CALLS = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;
const CALL = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const MACHINE_DETECTION = ['Enable', 'DetectMessageEnd'];
const EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/**
 * Twilio's Programmable Voice REST API on a local port, for the dialer's Twilio provider: Calls
 * create (`POST /2010-04-01/Accounts/{Sid}/Calls.json`, form-encoded, Basic auth with the account
 * SID and auth token) with Twilio's validation of To/From/Twiml|Url/StatusCallback/MachineDetection
 * and its JSON call resource, then runs each call like Twilio: signed status callbacks and a media
 * stream to the TwiML's `<Connect><Stream url>`. `POST .../Calls/{CallSid}.json` with
 * `Status=completed|canceled` hangs up; with `Twiml` (a call in progress) it ends the media stream
 * and records the new TwiML (`call.twimlUpdates`). Errors are Twilio's `{code, message, more_info, status}`.
 */
export class FakeTwilioServer {
  readonly accountSid: string;
  readonly authToken: string;
  readonly calls: FakeTwilioCall[] = [];
  /** Every request, `METHOD path → status`, for specs that check what was (not) asked. */
  readonly requests: { method: string; path: string; status: number }[] = [];
  private readonly scripts: FakeTwilioCallScript[] = [];
  private readonly faults: TwilioRestError[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    private readonly options: FakeTwilioOptions,
  ) {
    this.accountSid = options.accountSid ?? twilioSid('AC');
    this.authToken = options.authToken ?? 'fake-twilio-auth-token';
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(options: FakeTwilioOptions = {}): Promise<FakeTwilioServer> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeTwilioServer(server, options);
  }

  /** The API base URL to configure instead of https://api.twilio.com. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next call created behaves as `script` says (queued in order). */
  script(script: FakeTwilioCallScript): void {
    this.scripts.push(script);
  }

  /** The next `times` (1) REST requests are answered with this Twilio error instead of being served. */
  fail(status: number, code: number, message: string, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(new TwilioRestError(status, code, message));
  }

  /** Resolves with the first call `predicate` accepts, checked whenever a call changes. */
  waitForCall(predicate: (call: FakeTwilioCall) => boolean, timeoutMs = 15_000): Promise<FakeTwilioCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find(predicate);
        if (!found) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve(found);
      };
      // Call steps happen on timers inside each call; a light poll sees them without hooks.
      const poll = setInterval(check, 10);
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`fake twilio: no call matched within ${timeoutMs} ms (${this.calls.length} calls)`));
      }, timeoutMs);
      check();
    });
  }

  async close(): Promise<void> {
    for (const call of this.calls) call.end();
    await Promise.race([Promise.allSettled(this.calls.map((call) => call.done)), sleep(2000)]);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = Buffer.concat(await req.toArray()).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    try {
      const answer = this.route(req, path, formParams(body));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    } catch (error) {
      const twilioError = error instanceof TwilioRestError ? error : new TwilioRestError(500, 20500, 'Internal Server Error');
      res.writeHead(twilioError.status, { 'content-type': 'application/json' }).end(twilioError.toJson());
    }
    this.requests.push({ method: req.method ?? '', path, status: res.statusCode });
  }

  private route(req: IncomingMessage, path: string, params: Record<string, string>): { status: number; body: unknown } {
    const create = CALLS.exec(path);
    const update = CALL.exec(path);
    const account = (create ?? update)?.[1];
    if (req.method !== 'POST' || account === undefined) throw notFound(path);
    this.authenticate(req, account);
    const fault = this.faults.shift();
    if (fault) throw fault;
    if (create) return { status: 201, body: callResource(this.createCall(params), this.accountSid) };
    const call = this.calls.find((candidate) => candidate.sid === update?.[2]);
    if (!call) throw notFound(path);
    return { status: 200, body: callResource(this.updateCall(call, params), this.accountSid) };
  }

  private authenticate(req: IncomingMessage, pathAccount: string): void {
    const header = req.headers.authorization ?? '';
    const [scheme, encoded = ''] = header.split(' ');
    const [user, password] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    if (scheme !== 'Basic' || user !== this.accountSid || password !== this.authToken) throw unauthenticated();
    if (pathAccount !== this.accountSid) throw unauthenticated();
  }

  private createCall(params: Record<string, string>): FakeTwilioCall {
    const stream = validateCreate(params);
    const call = new FakeTwilioCall({
      sid: twilioSid('CA'),
      accountSid: this.accountSid,
      authToken: this.authToken,
      params,
      statusCallbackEvents: statusCallbackEvents(params),
      stream,
      script: this.scripts.shift() ?? this.options.script ?? {},
      media: this.options.media ?? silentMediaLeg,
    });
    this.calls.push(call);
    return call;
  }

  private updateCall(call: FakeTwilioCall, params: Record<string, string>): FakeTwilioCall {
    if (params.Status === undefined && params.Twiml !== undefined) return redirectCall(call, params.Twiml);
    if (params.Status !== 'completed' && params.Status !== 'canceled') {
      throw invalid(21218, 'Invalid value for Status: must be completed or canceled');
    }
    if (!call.ended) call.end();
    return call;
  }
}

/** New instructions for a call in progress (Twilio refuses others with 21220), valid TwiML. */
function redirectCall(call: FakeTwilioCall, twiml: string): FakeTwilioCall {
  if (call.status !== 'in-progress') throw invalid(21220, 'Call is not in-progress. Cannot redirect.');
  try {
    parseTwimlStream(twiml);
  } catch (error) {
    if (error instanceof TwimlError) throw invalid(21205, `Invalid Twiml: ${error.message}`);
    throw error;
  }
  call.redirect(twiml);
  return call;
}

/** Twilio's checks on Calls create; the call's `<Stream>` when its TwiML has one. */
function validateCreate(params: Record<string, string>): TwimlStream | null {
  if (!params.To) throw invalid(21201, "No 'To' number is specified");
  if (!E164.test(params.To)) throw invalid(21211, `Invalid 'To' Phone Number: ${params.To}`);
  if (!params.From) throw invalid(21603, "A 'From' phone number is required.");
  if (!params.Twiml && !params.Url) throw invalid(21205, "Either a 'Url', 'ApplicationSid' or 'Twiml' parameter is required");
  if (params.Url) throw invalid(21205, 'The fake runs inline Twiml only; Url fetching is not implemented');
  if (params.StatusCallback && !isHttpUrl(params.StatusCallback)) throw invalid(21609, 'Invalid StatusCallback url');
  if (params.MachineDetection && !MACHINE_DETECTION.includes(params.MachineDetection)) {
    throw invalid(21626, `Invalid MachineDetection: ${params.MachineDetection}`);
  }
  try {
    return parseTwimlStream(params.Twiml);
  } catch (error) {
    if (error instanceof TwimlError) throw invalid(21205, `Invalid Twiml: ${error.message}`);
    throw error;
  }
}

/** `StatusCallbackEvent` may repeat or be space-separated; without it Twilio reports `completed` only. */
function statusCallbackEvents(params: Record<string, string>): string[] {
  const asked = (params.StatusCallbackEvent ?? '').split(/[\s,]+/).filter((event) => EVENTS.includes(event));
  return asked.length > 0 ? asked : ['completed'];
}

/** Form parameters; a repeated one (`StatusCallbackEvent`) keeps every value, space-separated. */
function formParams(body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) params[name] = name in params ? `${params[name]} ${value}` : value;
  return params;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
