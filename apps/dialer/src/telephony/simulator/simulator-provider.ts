import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { OutboundCall, TelephonyProvider } from '../telephony-provider';
import { openDialSocket } from './dial-socket';
import { personaScript } from './persona-script';
import { type CalleeSettings, SimulatedCallee } from './simulated-callee';

export interface SimulatorSettings extends CalleeSettings {
  /** `ws://host:port` of the gateway; the callee joins `<gatewayUrl>/voice/dial/<ticket>`. */
  readonly gatewayUrl: string;
  /** How long the gateway may take to accept the socket (it admits the ticket meanwhile). */
  readonly connectTimeoutMs: number;
}

export const SIMULATOR_SETTINGS = Symbol('dialer:simulator-settings');

/**
 * The embedded telephony provider: no carrier, a simulated callee that answers at once on the
 * gateway's raw protocol, speaks the task's scripted persona with flite, and hangs up. `dial`
 * resolves once the gateway accepted the socket; the conversation then runs on its own.
 */
@Injectable()
export class SimulatorProvider implements TelephonyProvider, OnApplicationShutdown {
  readonly name = 'simulator';
  private readonly calls = new Map<string, SimulatedCallee>();

  constructor(
    @Inject(SIMULATOR_SETTINGS) private readonly settings: SimulatorSettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async dial(call: OutboundCall): Promise<void> {
    const url = `${this.settings.gatewayUrl.replace(/\/+$/, '')}/voice/dial/${call.ticket}`;
    const socket = await openDialSocket(url, this.settings.connectTimeoutMs);
    const log = this.log.child({ callId: call.callId, taskId: call.taskId });
    const callee = new SimulatedCallee(socket, personaScript(call.contextData), this.settings, log);
    this.calls.set(call.callId, callee);
    void callee.run().then((ending) => {
      this.calls.delete(call.callId);
      log.info({ ending }, 'simulated call over');
    });
  }

  /** Hangs up every simulated call still running, so shutdown does not wait for their scripts. */
  onApplicationShutdown(): void {
    for (const callee of this.calls.values()) callee.hangUp('hung-up');
  }
}
