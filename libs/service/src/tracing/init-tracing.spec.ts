import { tracesUrl } from './init-tracing';

describe('tracesUrl', () => {
  it.each([
    ['http://collector:4318', 'http://collector:4318/v1/traces'],
    ['http://collector:4318/', 'http://collector:4318/v1/traces'],
    ['https://otel.example.com/ingest', 'https://otel.example.com/ingest/v1/traces'],
  ])('appends the traces path to %s', (endpoint, expected) => {
    expect(tracesUrl(endpoint)).toBe(expected);
  });
});
