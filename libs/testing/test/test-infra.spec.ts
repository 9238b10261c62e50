import { createServer, type Server } from 'node:net';
import { Client } from 'pg';
import { INFRA_SERVICES, InfraUnavailableError, resolveInfra, testInfra, type InfraService } from '../src';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** A port on which nothing listens: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real service descriptions, with their defaults moved to the given ports. */
function servicesAt(ports: number[]): InfraService[] {
  return INFRA_SERVICES.map((service, index) => ({
    ...service,
    defaultUrl: service.defaultUrl.replace(/:\d+/, `:${ports[index]}`),
  }));
}

describe('resolveInfra', () => {
  it('takes the URL variables as given', async () => {
    const env = { DATABASE_URL: 'postgresql://u@db.invalid/x', REDIS_URL: 'redis://r.invalid', NATS_URL: 'nats://n.invalid' };

    const infra = await resolveInfra({ env, containers: false });

    expect(infra).toEqual({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, natsUrl: env.NATS_URL });
  });

  it('falls back to a default address that answers', async () => {
    const server = createServer((socket) => socket.destroy());
    const port = await listen(server);
    try {
      const services = servicesAt([port, port, port]);

      const infra = await resolveInfra({ env: {}, services, containers: false });

      expect(infra.redisUrl).toBe(`redis://127.0.0.1:${port}`);
    } finally {
      server.close();
    }
  });

  it('names every missing service, its variable and how to start it, in one error', async () => {
    const port = await closedPort();
    const services = servicesAt([port, port, port]);

    const attempt = resolveInfra({ env: { REDIS_URL: 'redis://elsewhere:6379' }, services, containers: false });

    await expect(attempt).rejects.toBeInstanceOf(InfraUnavailableError);
    await expect(attempt).rejects.toMatchObject({ missing: ['PostgreSQL', 'NATS'] });
    await expect(attempt).rejects.toThrow(/set DATABASE_URL[^\n]*\n\s+pg_ctlcluster/);
    await expect(attempt).rejects.toThrow(/set NATS_URL[^\n]*\n\s+start-stop-daemon/);
  });
});

describe('testInfra', () => {
  it('finds a PostgreSQL that answers queries, once per process', async () => {
    const infra = await testInfra();
    const client = new Client({ connectionString: infra.databaseUrl.replace(/\/[^/]*$/, '/postgres') });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    expect(await testInfra()).toBe(infra);
  });
});
