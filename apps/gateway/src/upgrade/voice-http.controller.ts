import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { httpStatusOf } from '@parley/contracts';

/**
 * A plain GET to the voice endpoint (a browser, a curl, a provider misconfigured for HTTP):
 * 426 Upgrade Required with the `Upgrade` header RFC 9110 asks for, instead of Express's
 * HTML 404, so whoever set it up learns that it must open a WebSocket.
 */
@Controller(['voice', 'telephony'])
export class VoiceHttpController {
  @Get(['', '*path'])
  @HttpCode(httpStatusOf('UPGRADE_REQUIRED'))
  @Header('Upgrade', 'websocket')
  @Header('Connection', 'Upgrade')
  upgradeRequired(): { code: 'UPGRADE_REQUIRED'; message: string } {
    return {
      code: 'UPGRADE_REQUIRED',
      message:
        'this endpoint speaks WebSocket only: open wss://<host>/voice/<api-key> (or /telephony/<carrier>/<api-key>) with an Upgrade request',
    };
  }
}
