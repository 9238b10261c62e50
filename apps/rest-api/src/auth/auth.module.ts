import { Global, Module } from '@nestjs/common';
import { ApiKeyAuth } from './api-key-auth';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyResolver } from './api-key-resolver';
import { AuthController } from './auth.controller';
import { ClerkSessionVerifier } from './clerk-session.verifier';
import { ClerkUsersProvisioner } from './clerk-users.provisioner';
import { KeyRevocationConsumer } from './key-revocation.consumer';
import { KeyRevocationWatch } from './key-revocation.watch';
import { KeyUsage } from './key-usage';
import { LocalSessionTokens } from './local-session-tokens';
import { LoginAttempts } from './login-attempts';
import { LoginService } from './login.service';
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
  controllers: [AuthController],
  providers: [
    ClerkSessionVerifier,
    ClerkUsersProvisioner,
    LoginAttempts,
    LoginService,
    ApiKeyResolver,
    RevocationMarks,
    KeyRevocationConsumer,
    KeyRevocationWatch,
    KeyUsage,
    ApiKeyAuth,
    ApiKeyGuard,
    LocalSessionTokens,
    SessionAuthenticator,
    SessionPrincipalResolver,
    SessionGuard,
  ],
  exports: [
    ApiKeyResolver,
    RevocationMarks,
    KeyRevocationWatch,
    KeyUsage,
    ApiKeyAuth,
    ApiKeyGuard,
    LocalSessionTokens,
    SessionAuthenticator,
    SessionPrincipalResolver,
    SessionGuard,
  ],
})
export class AuthModule {}
