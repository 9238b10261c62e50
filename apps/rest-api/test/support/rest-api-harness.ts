import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { Plan } from '@parley/contracts';
import { hashPassword, type IdentityClient } from '@parley/db-identity';
import type { DbSlice } from '@parley/db-migrate';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { generateApiKey } from '../../src/auth/api-key-secret';
import { LocalSessionTokens } from '../../src/auth/local-session-tokens';
import { loadConfig, type RestApiConfig } from '../../src/config';
import { IDENTITY_DB } from '../../src/database/database.tokens';
import { RestApiModule } from '../../src/rest-api.module';
import { type ApiCall, apiClient } from './api-client';
import { REST_API_SLICES } from './rest-api-slices';

export interface HarnessOptions {
  /** Extra or overriding env for `config.ts` (e.g. `{ CLERK_JWT_KEY: pem }`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Slices to migrate; identity, agents, calls and knowledge by default (what rest-api owns). */
  readonly slices?: readonly DbSlice[];
  /** Test-only modules mounted beside the app (e.g. a probe controller for the kernel spec). */
  readonly modules?: readonly Type[];
}

export interface TestTenant {
  readonly orgId: string;
  readonly userId: string;
  /** A session token of the user, for the dashboard API. */
  readonly token: string;
  /** A raw API key of the organization, for `/api/v1`. */
  readonly key: string;
  readonly keyId: string;
}

/**
 * rest-api running as in production (`createServiceApp` + `RestApiModule`) on a free port,
 * against a fresh database, its own bus namespace and its own Redis prefix. One per spec file:
 * `const api = await startRestApi(); … await api.close();`.
 */
export class RestApiHarness {
  /** `api.call('GET', '/api/v1/agents', { bearer: key })` → `{ status, headers, body }`. */
  readonly call: ApiCall;

  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    readonly config: RestApiConfig,
    /** The app's own identity-slice client: arrange and inspect rows. */
    readonly identity: IdentityClient,
    /** The app's bus connection (same namespace): publish events, serve fake RPCs. */
    readonly bus: Bus,
    readonly redis: Redis,
    private readonly database: TestDatabase,
  ) {
    this.call = apiClient(baseUrl);
  }

  static async start(options: HarnessOptions = {}): Promise<RestApiHarness> {
    const infra = await testInfra();
    const database = await createTestDatabase(options.slices ?? REST_API_SLICES);
    const namespace = uniqueNamespace('rest_api');
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      NATS_URL: infra.natsUrl,
      BUS_NAMESPACE: namespace,
      REST_REDIS_PREFIX: `${namespace}:`,
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SESSION_SECRET: 'test-session-secret-of-at-least-32-chars',
      ...options.env,
    });
    const logger = createLogger({ service: 'rest-api', level: config.LOG_LEVEL });
    try {
      const root = RestApiModule.forRoot(config, logger);
      const module: DynamicModule = { ...root, imports: [...(root.imports ?? []), ...(options.modules ?? [])] };
      const app = await createServiceApp({ name: 'rest-api', module, logger });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      const baseUrl = `http://127.0.0.1:${port}`;
      return new RestApiHarness(app, baseUrl, config, app.get(IDENTITY_DB), app.get(Bus), app.get(Redis), database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  /** An organization on `plan` (pro by default: 300 requests a minute). */
  async createOrganization(plan: Plan = 'pro', name = 'Test Org'): Promise<string> {
    return (await this.identity.organization.create({ data: { name, plan } })).id;
  }

  /** A member of `orgId` with a session token; with `password`, one who can also log in. */
  async createUser(orgId: string, options: { email?: string; password?: string } = {}) {
    const email = (options.email ?? `${uniqueNamespace('user')}@example.com`).toLowerCase();
    const passwordHash = options.password ? await hashPassword(options.password) : null;
    const user = await this.identity.user.create({
      data: { email, passwordHash, memberships: { create: { orgId, role: 'owner' } } },
    });
    const { token } = this.app.get(LocalSessionTokens).issue(user.id);
    return { userId: user.id, email, token };
  }

  /** An active key of `orgId`, optionally bound to an agent; the raw key is returned once. */
  async createApiKey(orgId: string, options: { agentId?: string; name?: string } = {}) {
    const key = generateApiKey();
    const row = await this.identity.apiKey.create({
      data: {
        orgId,
        agentId: options.agentId ?? null,
        name: options.name ?? 'test key',
        prefix: key.prefix,
        lastFour: key.lastFour,
        hash: key.hash,
      },
    });
    return { key: key.raw, keyId: row.id };
  }

  /** An organization with a signed-in owner and an API key: what most specs start from. */
  async createTenant(plan: Plan = 'pro'): Promise<TestTenant> {
    const orgId = await this.createOrganization(plan);
    const { userId, token } = await this.createUser(orgId);
    const { key, keyId } = await this.createApiKey(orgId);
    return { orgId, userId, token, key, keyId };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}

export const startRestApi = (options?: HarnessOptions) => RestApiHarness.start(options);
