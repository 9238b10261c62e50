import { tracesUrl } from './init-tracing';

// Export itself is exercised by apps/billing/test/process.spec.ts: the OTLP exporter loads its
// transport with a dynamic import(), which only runs in a real Node process, not under Jest.
describe('tracesUrl', () => {
  it.each([
    ['http://collector:4318', 'http://collector:4318/v1/traces'],
    ['http://collector:4318/', 'http://collector:4318/v1/traces'],
    ['https://otel.example.com/ingest', 'https://otel.example.com/ingest/v1/traces'],
  ])('appends the traces path to %s', (endpoint, expected) => {
    expect(tracesUrl(endpoint)).toBe(expected);
  });
});
