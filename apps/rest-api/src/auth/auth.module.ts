import { Global, Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyResolver } from './api-key-resolver';
import { KeyRevocationConsumer } from './key-revocation.consumer';
import { LocalSessionTokens } from './local-session-tokens';
import { RevocationMarks } from './revocation-marks';
import { SessionAuthenticator } from './session-authenticator';
import { SessionGuard } from './session.guard';
import { SessionPrincipalResolver } from './session-principal.resolver';

/**
 * API-key and session auth. Global: a feature controller just says `@UseGuards(ApiKeyGuard)`
 * or `@UseGuards(SessionGuard)` and reads `@CurrentPrincipal()`.
 */
@Global()
@Module({
  providers: [
    ApiKeyResolver,
    RevocationMarks,
    KeyRevocationConsumer,
    ApiKeyGuard,
    LocalSessionTokens,
    SessionAuthenticator,
    SessionPrincipalResolver,
    SessionGuard,
  ],
  exports: [ApiKeyResolver, RevocationMarks, ApiKeyGuard, LocalSessionTokens, SessionAuthenticator, SessionPrincipalResolver, SessionGuard],
})
export class AuthModule {}
