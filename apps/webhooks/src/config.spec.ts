import { loadConfig } from './config';

describe('webhooks config', () => {
  it('defaults to a 10 s timeout, nine attempts over under 24 hours, and no allow-listed host', () => {
    const config = loadConfig({});
    expect(config.WEBHOOKS_TIMEOUT_MS).toBe(10_000);
    expect(config.WEBHOOKS_RETRY_SCHEDULE_MS).toHaveLength(8);
    const total = config.WEBHOOKS_RETRY_SCHEDULE_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeLessThan(24 * 3600 * 1000);
    expect(config.WEBHOOKS_ALLOWED_HOSTS).toEqual([]);
  });

  it('reads a schedule and an allow-list from the environment, and refuses a malformed schedule', () => {
    const config = loadConfig({ WEBHOOKS_RETRY_SCHEDULE_MS: '100,200', WEBHOOKS_ALLOWED_HOSTS: ' LocalHost, 127.0.0.1 ' });
    expect(config.WEBHOOKS_RETRY_SCHEDULE_MS).toEqual([100, 200]);
    expect(config.WEBHOOKS_ALLOWED_HOSTS).toEqual(['localhost', '127.0.0.1']);
    expect(() => loadConfig({ WEBHOOKS_RETRY_SCHEDULE_MS: '10s,1m' })).toThrow();
  });
});
