import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { Endpoint, ValidBody } from '../http/endpoint.decorator';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { type LoginBody, loginBodySchema, loginViewSchema, meViewSchema } from './auth.schemas';
import { LoginAttempts } from './login-attempts';
import { LoginService } from './login.service';
import { CurrentPrincipal, type Principal } from './principal';
import { SessionGuard } from './session.guard';

/** Dashboard sign-in (built-in local auth) and the signed-in user. */
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(LoginService) private readonly logins: LoginService,
    @Inject(LoginAttempts) private readonly attempts: LoginAttempts,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Endpoint({ summary: 'Sign in with email and password', body: loginBodySchema, response: loginViewSchema, tag: 'auth' })
  async login(
    @ValidBody() body: LoginBody,
    @Req() req: ApiRequest,
    @Res({ passthrough: true }) res: ApiResponse,
  ) {
    await this.attempts.take(req, res);
    return this.logins.login(body);
  }

  @Get('me')
  @UseGuards(SessionGuard)
  @Endpoint({ summary: 'The signed-in user and their organizations', response: meViewSchema, tag: 'auth' })
  me(@CurrentPrincipal() principal: Principal) {
    return this.logins.me(principal);
  }
}
