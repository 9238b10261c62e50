import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { AgentsClient } from '@parley/db-agents';
import type { IdentityClient } from '@parley/db-identity';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { DatabaseModule } from '../src/database/database.module';
import { AGENTS_DB, IDENTITY_DB } from '../src/database/database.tokens';

describe('rest-api database module against real Postgres', () => {
  let app: INestApplication;
  let base: string;
  let database: TestDatabase;

  beforeAll(async () => {
    const logger = createLogger({ service: 'rest-api', level: 'warn' });
    database = await createTestDatabase([]); // readiness needs a database, not its tables
    app = await createServiceApp({ name: 'rest-api', module: DatabaseModule.forRoot(database.url), logger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is ready once Postgres answers through the slice clients', async () => {
    const res = await fetch(`${base}/readyz`);
    await expect(res.json()).resolves.toEqual({ status: 'ready', checks: { postgres: 'ok' } });
  });

  it('disconnects both slice clients on shutdown', async () => {
    const identity = jest.spyOn(app.get<IdentityClient>(IDENTITY_DB), '$disconnect');
    const agents = jest.spyOn(app.get<AgentsClient>(AGENTS_DB), '$disconnect');
    await app.close();
    expect(identity).toHaveBeenCalledTimes(1);
    expect(agents).toHaveBeenCalledTimes(1);
  });
});
