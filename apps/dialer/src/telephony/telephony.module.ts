import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { DialerConfig } from '../config';
import { CallTransferRpc } from './call-transfer.rpc';
import { SIMULATOR_SETTINGS, SimulatorProvider } from './simulator/simulator-provider';
import { TELEPHONY_PROVIDER, type TelephonyProvider } from './telephony-provider';
import { TwilioProvider } from './twilio/twilio-provider';
import { twilioSettings } from './twilio/twilio-registration';
import { UnconfiguredProvider } from './unconfigured-provider';

type ProviderName = DialerConfig['TELEPHONY_PROVIDER'];

/**
 * How long the gateway may take to admit a dial ticket and accept the simulator's socket. `execute`
 * answers after the dial, and rest-api waits 10 s for the dialer: the connection must fit well within.
 */
const SIMULATOR_CONNECT_TIMEOUT_MS = 5_000;

interface ProviderEntry {
  readonly type: Type<TelephonyProvider>;
  /** The providers holding the settings it reads from the config. */
  readonly settings: (config: DialerConfig) => Provider[];
}

/** One line per provider. */
const registry: Partial<Record<ProviderName, ProviderEntry>> = {
  none: { type: UnconfiguredProvider, settings: () => [] },
  simulator: { type: SimulatorProvider, settings: simulatorSettings },
  twilio: { type: TwilioProvider, settings: twilioSettings },
};

/**
 * The telephony provider outbound calls go through, chosen by `TELEPHONY_PROVIDER` (global:
 * tasks and the scheduler dial), and the call-transfer RPC the gateway asks it through. A provider
 * not built into this dialer stops it at boot.
 */
@Module({})
export class TelephonyModule {
  static forRoot(config: DialerConfig): DynamicModule {
    const entry = registry[config.TELEPHONY_PROVIDER];
    if (!entry) throw new Error(`TELEPHONY_PROVIDER=${config.TELEPHONY_PROVIDER} is not built into this dialer`);
    return {
      module: TelephonyModule,
      global: true,
      providers: [...entry.settings(config), { provide: TELEPHONY_PROVIDER, useClass: entry.type }, CallTransferRpc],
      exports: [TELEPHONY_PROVIDER],
    };
  }
}

function simulatorSettings(config: DialerConfig): Provider[] {
  const settings = {
    gatewayUrl: config.DIALER_GATEWAY_URL,
    connectTimeoutMs: SIMULATOR_CONNECT_TIMEOUT_MS,
    replyTimeoutMs: config.DIALER_SIMULATOR_REPLY_TIMEOUT_S * 1000,
    maxCallMs: config.DIALER_SIMULATOR_MAX_CALL_S * 1000,
    voice: config.DIALER_SIMULATOR_VOICE,
  };
  return [{ provide: SIMULATOR_SETTINGS, useValue: settings }];
}
