import { describeSttProviderConformance } from '../stt-provider.conformance';
import { PocketsphinxProvider } from './pocketsphinx-provider';

// In-process, with its model on disk: no credentials to reject and no connection to lose.
const provider = new PocketsphinxProvider({ maxSessions: 3, spareDecoders: 1, interimIntervalMs: 200 });
describeSttProviderConformance(
  'pocketsphinx',
  async () => {
    await provider.load();
    return { provider, arrange: () => undefined, fail: async () => provider, failures: [] };
  },
  () => provider.close(),
);
