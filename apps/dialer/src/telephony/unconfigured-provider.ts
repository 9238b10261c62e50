import type { TelephonyProvider } from './telephony-provider';

/**
 * The provider while none is set up: every dial is refused, so an executed task fails at once
 * with a reason the client can read, instead of staying in progress forever.
 */
export class UnconfiguredProvider implements TelephonyProvider {
  readonly name = 'none';

  dial(): Promise<void> {
    return Promise.reject(new Error('no telephony provider is configured (TELEPHONY_PROVIDER=none)'));
  }
}
