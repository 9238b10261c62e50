import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@parley/service';
import type { FakeTwilioServer } from '@parley/testing';
import { silentLogger } from '../../../../test/support/dialer-harness';
import { loadConfig } from '../../../config';
import { DialerModule } from '../../../dialer.module';
import { freePort } from './free-port';

export interface TwilioDialerAppOptions {
  readonly databaseUrl: string;
  readonly namespace: string;
  readonly twilio: FakeTwilioServer;
  /** Where Twilio is told to open the media stream (the stand-in gateway). */
  readonly streamBaseUrl: string;
  readonly fromNumber: string;
}

export interface TwilioDialerApp {
  readonly app: INestApplication;
  /** Where the fake Twilio posts status callbacks: the app's own route. */
  readonly callbackUrl: string;
}

/** The dialer app as `main.ts` wires it with TELEPHONY_PROVIDER=twilio, pointed at the fake Twilio. */
export async function startTwilioDialerApp(options: TwilioDialerAppOptions): Promise<TwilioDialerApp> {
  const port = await freePort();
  const callbackUrl = `http://127.0.0.1:${port}/telephony/twilio/status`;
  const env = {
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    BUS_NAMESPACE: options.namespace,
    TELEPHONY_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: options.twilio.accountSid,
    TWILIO_AUTH_TOKEN: options.twilio.authToken,
    TWILIO_FROM_NUMBER: options.fromNumber,
    TWILIO_API_BASE_URL: options.twilio.baseUrl,
    TWILIO_STREAM_BASE_URL: options.streamBaseUrl,
    TWILIO_STATUS_CALLBACK_URL: callbackUrl,
  };
  const config = loadConfig({ ...process.env, ...env });
  const app = await createServiceApp({ name: 'dialer', module: DialerModule.forRoot(config, silentLogger), logger: silentLogger });
  await app.listen(port, '127.0.0.1');
  return { app, callbackUrl };
}
