import { describeTtsProviderConformance, type TtsFailure, type TtsFailing } from '../tts-provider.conformance';
import { FliteProvider } from './flite-provider';

const providers: FliteProvider[] = [];

async function loaded(): Promise<FliteProvider> {
  const provider = new FliteProvider({ voices: ['slt'] });
  providers.push(provider);
  await provider.load();
  return provider;
}

async function fail(failure: TtsFailure): Promise<TtsFailing> {
  const provider = await loaded();
  if (failure === 'bad-input') return { provider, voice: 'no-such-voice' };
  await provider.close();
  return { provider };
}

describeTtsProviderConformance(
  'flite (embedded)',
  async () => ({ provider: await loaded(), voice: 'slt', fail, failures: ['bad-input', 'closed'] }),
  async () => {
    await Promise.all(providers.map((provider) => provider.close()));
  },
);
