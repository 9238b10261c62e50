import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { REST_API_CONFIG, type RestApiConfig } from '../config';

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const ISSUER = 'parley';

export interface LocalSessionClaims {
  /** The user id. */
  readonly sub: string;
  readonly iat: number;
  readonly exp: number;
}

/**
 * Session JWTs of the built-in local auth: HS256 with `SESSION_SECRET` (or a random secret per
 * boot, with a warning, so a developer needs no setup; sessions then end at restart).
 */
@Injectable()
export class LocalSessionTokens {
  private readonly secret: Buffer;
  readonly ttlSeconds: number;

  constructor(@Inject(REST_API_CONFIG) config: RestApiConfig, @Inject(LOGGER) logger: Logger) {
    this.ttlSeconds = config.SESSION_TTL_S;
    if (config.SESSION_SECRET) {
      this.secret = Buffer.from(config.SESSION_SECRET);
    } else {
      this.secret = randomBytes(32);
      logger.warn('SESSION_SECRET is not set: session tokens are signed with a random key and end at restart');
    }
  }

  issue(userId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now / 1000);
    const claims = { iss: ISSUER, sub: userId, iat, exp: iat + this.ttlSeconds };
    const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresAt: new Date(claims.exp * 1000) };
  }

  /** The claims of a token this process's key signed and that has not expired; else null. */
  verify(token: string, now = Date.now()): LocalSessionClaims | null {
    const [header, payload, signature] = token.split('.');
    if (header !== HEADER || !payload || !signature) return null;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = parseClaims(payload);
    if (!claims || claims.exp * 1000 <= now) return null;
    return claims;
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.secret).update(unsigned).digest('base64url');
  }
}

function parseClaims(payload: string): LocalSessionClaims | null {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== ISSUER || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims as unknown as LocalSessionClaims;
  } catch {
    return null;
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
