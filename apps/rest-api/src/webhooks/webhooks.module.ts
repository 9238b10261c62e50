import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRpcClient } from './webhooks-rpc.client';
import { WebhooksService } from './webhooks.service';

/** `/api/v1/webhooks`. Needs the REST kernel, auth and `BusModule` (all global). */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksRpcClient, WebhooksService],
})
export class WebhooksModule {}
