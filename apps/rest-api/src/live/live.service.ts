import { Inject, Injectable } from '@nestjs/common';
import { LiveCallsRepository } from '../control/live-calls.repository';
import { ApiError } from '../http/api-error';
import { LiveSessionTokens } from './live-session-tokens';
import { LIVE_MESSAGE_TYPES, type LiveConnectionView } from './live-view.schema';

/** `GET /calls/:id/live`: how to watch an organization's call, with a 5-minute session token. */
@Injectable()
export class LiveService {
  constructor(
    @Inject(LiveCallsRepository) private readonly calls: LiveCallsRepository,
    @Inject(LiveSessionTokens) private readonly tokens: LiveSessionTokens,
  ) {}

  async connection(orgId: string, callId: string, url: string): Promise<LiveConnectionView> {
    if (!(await this.calls.findOwned(orgId, callId))) throw ApiError.notFound('Call');
    const { token, expiresAt } = await this.tokens.issue({ orgId, callId });
    return {
      websocket_url: url,
      call_id: callId,
      temp_token: token,
      expires_at: expiresAt.toISOString(),
      connection_info: {
        url,
        auth_method: 'query_param',
        auth_param: 'api_key',
        temp_auth_param: 'session_token',
        example: `${url}?api_key=YOUR_API_KEY`,
        example_session: `${url}?session_token=${token}`,
        message_format: 'json',
        message_types: [...LIVE_MESSAGE_TYPES],
      },
    };
  }
}
