import http from 'node:http';
import https from 'node:https';
import type { AgentToolConfig } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import {
  type OutboundTarget,
  OutboundHostUnresolved,
  OutboundTargetGuard,
  OutboundTargetRefused,
  pinnedRequestOptions,
  readCappedBody,
} from '@parley/service';
import { toolRequestHeaders } from './tool-signature';

export interface HttpToolOptions {
  /** Signs every request; without it custom tools are not called (their result says so). */
  readonly signingSecret?: string;
  readonly allowedHosts: readonly string[];
  /** Used when the tool sets no `timeoutMs`. */
  readonly defaultTimeoutMs: number;
  /** The receiver's answer is read up to this many bytes; the rest is cut. */
  readonly maxResponseBytes: number;
}

/** Who asks: goes into the request body so the receiver knows the call and the agent. */
export interface HttpToolInvocation {
  readonly tool: AgentToolConfig & { url: string };
  readonly arguments: unknown;
  readonly callId: string;
  readonly agentId: string;
  readonly signal: AbortSignal;
}

/**
 * Calls an agent's custom tool: a signed JSON POST `{tool, arguments, call_id, agent_id}` to its
 * URL, within its timeout. The answer (text or JSON, capped) is the tool's result for the model;
 * every failure is a short result text too, so a broken receiver never breaks the call.
 */
export class HttpToolCaller {
  private readonly guard: OutboundTargetGuard;

  constructor(
    private readonly options: HttpToolOptions,
    private readonly log: Logger,
  ) {
    this.guard = new OutboundTargetGuard(options.allowedHosts);
  }

  async call(invocation: HttpToolInvocation): Promise<string> {
    const { tool, callId } = invocation;
    if (!this.options.signingSecret) return `The tool ${tool.name} is not available (tool signing is not configured).`;
    const body = JSON.stringify({ tool: tool.name, arguments: invocation.arguments, call_id: callId, agent_id: invocation.agentId });
    const timeoutMs = tool.timeoutMs ?? this.options.defaultTimeoutMs;
    try {
      const target = await this.guard.resolve(tool.url);
      const headers = toolRequestHeaders(this.options.signingSecret, body, new Date());
      const signal = AbortSignal.any([invocation.signal, AbortSignal.timeout(timeoutMs)]);
      const answer = await post(target, body, headers, signal, this.options.maxResponseBytes);
      if (answer.status >= 400) return `The tool ${tool.name} failed (HTTP ${answer.status}).`;
      return answer.text.trim() || `The tool ${tool.name} returned nothing.`;
    } catch (err) {
      const reason = describeFailure(err, timeoutMs, invocation.signal);
      this.log.warn({ callId, tool: tool.name, reason }, 'custom tool call failed');
      return `The tool ${tool.name} failed: ${reason}.`;
    }
  }
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** POSTs to the checked address, never to a second DNS answer; the answer is read up to `maxBytes`. */
function post(target: OutboundTarget, body: string, headers: Record<string, string>, signal: AbortSignal, maxBytes: number) {
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const request = transport.request({ ...pinnedRequestOptions(target, headers, body), signal });
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      readCappedBody(response, maxBytes).then((text) => resolve({ status, text: text.toString('utf8') }), reject);
    });
    request.once('error', reject);
    request.end(body);
  });
}

function describeFailure(err: unknown, timeoutMs: number, turn: AbortSignal): string {
  if (err instanceof OutboundTargetRefused) return err.message;
  if (err instanceof OutboundHostUnresolved) return 'the host does not resolve';
  if (turn.aborted) return 'the turn was stopped';
  if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return 'the receiver could not be reached';
}
