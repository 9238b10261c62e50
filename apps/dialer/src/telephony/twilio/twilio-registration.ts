import type { Provider } from '@nestjs/common';
import type { DialerConfig } from '../../config';
import { TwilioRestClient } from './twilio-rest-client';
import { TWILIO_SETTINGS, twilioSettingsFrom } from './twilio-settings';

/** The telephony registry's `settings` for Twilio: its settings and the REST client the provider uses. */
export function twilioSettings(config: DialerConfig): Provider[] {
  return [{ provide: TWILIO_SETTINGS, useValue: twilioSettingsFrom(config) }, TwilioRestClient];
}
