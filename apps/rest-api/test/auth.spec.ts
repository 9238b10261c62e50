import { LocalSessionTokens } from '../src/auth/local-session-tokens';
import { FakeClerk } from './support/clerk-tokens';
import { type RestApiHarness, startRestApi } from './support/rest-api-harness';

describe('session auth: built-in local login and Clerk session tokens', () => {
  const clerk = new FakeClerk();
  let api: RestApiHarness;
  let orgId: string;
  const password = 'correct horse battery staple';
  const email = 'Ada@Example.com';

  beforeAll(async () => {
    api = await startRestApi({ env: { CLERK_JWT_KEY: clerk.publicKeyPem } });
    orgId = await api.createOrganization('pro', 'Acme');
    await api.createUser(orgId, { email, password });
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('POST /api/auth/login', () => {
    it('answers a session token for the right password, whatever the email’s case', async () => {
      const res = await api.call('POST', '/api/auth/login', { body: { email: 'ADA@example.com', password } });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'Bearer',
        expires_at: expect.any(String),
        user: { id: expect.any(String), email: 'ada@example.com', name: null },
      });
      const hours = (Date.parse(res.body.data.expires_at) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);

      const me = await api.call('GET', '/api/auth/me', { bearer: res.body.data.token });
      expect(me.status).toBe(200);
      expect(me.body.data).toEqual({
        user: res.body.data.user,
        organization_id: orgId,
        organizations: [{ id: orgId, name: 'Acme', plan: 'pro', role: 'owner' }],
      });
    });

    it('refuses a wrong password and an unknown email alike with 401 UNAUTHORIZED', async () => {
      const wrong = await api.call('POST', '/api/auth/login', { body: { email, password: 'nope' } });
      const unknown = await api.call('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password } });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED', error: 'Invalid email or password' });
      }
    });

    it('refuses a body without a valid email with 400 and the field named', async () => {
      const res = await api.call('POST', '/api/auth/login', { body: { email: 'not-an-email' } });
      expect(res.status).toBe(400);
      expect(res.body.details.issues.map((issue: { path: string }) => issue.path)).toEqual(['email', 'password']);
    });
  });

  describe('GET /api/auth/me', () => {
    it('refuses a missing, malformed or expired local token with 401', async () => {
      expect((await api.call('GET', '/api/auth/me')).status).toBe(401);
      expect((await api.call('GET', '/api/auth/me', { bearer: 'not.a.jwt' })).status).toBe(401);
      const { userId } = await api.createUser(orgId);
      const thirteenHoursAgo = Date.now() - 13 * 3_600_000;
      const { token } = api.app.get(LocalSessionTokens).issue(userId, thirteenHoursAgo);
      const expired = await api.call('GET', '/api/auth/me', { bearer: token });
      expect(expired.status).toBe(401);
      expect(expired.body.error).toBe('Invalid or expired session');
    });
  });

  describe('Clerk session tokens (CLERK_JWT_KEY set)', () => {
    it('verifies a Clerk token offline and maps it onto a local user in the Clerk organization', async () => {
      const token = clerk.sessionToken({ sub: 'user_2abc', org_id: 'org_2xyz' });
      const first = await api.call('GET', '/api/auth/me', { bearer: token });
      expect(first.status).toBe(200);
      const user = await api.identity.user.findUniqueOrThrow({ where: { clerkUserId: 'user_2abc' } });
      const org = await api.identity.organization.findUniqueOrThrow({ where: { clerkOrgId: 'org_2xyz' } });
      expect(first.body.data).toMatchObject({ user: { id: user.id }, organization_id: org.id });
      // The second request finds the same rows instead of creating more.
      const again = await api.call('GET', '/api/auth/me', { bearer: clerk.sessionToken({ sub: 'user_2abc', org_id: 'org_2xyz' }) });
      expect(again.body.data.organization_id).toBe(org.id);
      expect(await api.identity.membership.count({ where: { userId: user.id } })).toBe(1);
    });

    it('gives a Clerk user without an organization a personal one', async () => {
      const res = await api.call('GET', '/api/auth/me', { bearer: clerk.sessionToken({ sub: 'user_solo' }) });
      expect(res.status).toBe(200);
      expect(res.body.data.organizations).toEqual([expect.objectContaining({ name: 'Personal', plan: 'free' })]);
    });

    it('refuses an expired Clerk token and one signed by another key with 401', async () => {
      const expired = clerk.sessionToken({ sub: 'user_2abc', expiresInS: -120 });
      const forged = new FakeClerk().sessionToken({ sub: 'user_2abc' });
      for (const token of [expired, forged]) {
        const res = await api.call('GET', '/api/auth/me', { bearer: token });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
      expect(await api.identity.user.count({ where: { clerkUserId: { not: null } } })).toBe(2);
    });
  });
});
