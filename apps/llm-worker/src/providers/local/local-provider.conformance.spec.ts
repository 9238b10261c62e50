import { describeLlmProviderConformance } from '../llm-provider.conformance';
import { LocalLlmProvider } from './local-provider';

// The local agent decides from what the caller said; there is no model to arrange or to fail.
describeLlmProviderConformance('local', async () => ({
  provider: new LocalLlmProvider(),
  arrange: () => undefined,
  failures: [],
  reportsUsage: false,
}));
