import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** An RSA key pair standing in for a Clerk instance: the PEM goes in `CLERK_JWT_KEY`. */
export class FakeClerk {
  readonly publicKeyPem: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.privateKey = privateKey;
  }

  /** A session JWT with Clerk's claims (sub, sid, iat/nbf/exp, azp, org_id), RS256-signed. */
  sessionToken(claims: { sub: string; org_id?: string; expiresInS?: number; azp?: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const { expiresInS = 60, ...rest } = claims;
    const payload = {
      iss: 'https://clerk.parley.test',
      sid: 'sess_test',
      azp: 'http://localhost:5173',
      iat: now - 5,
      nbf: now - 5,
      exp: now + expiresInS,
      ...rest,
    };
    const header = { alg: 'RS256', typ: 'JWT', kid: 'ins_test' };
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(this.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
  }
}

function encode(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}
