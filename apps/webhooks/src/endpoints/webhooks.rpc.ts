import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { DeliveryLogService } from './delivery-log.service';
import { EndpointsService } from './endpoints.service';

/**
 * Serves the webhook management RPCs in the `webhooks` queue group; rest-api's
 * `/api/v1/webhooks` controllers are thin clients of these.
 */
@Injectable()
export class WebhooksRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(EndpointsService) private readonly endpoints: EndpointsService,
    @Inject(DeliveryLogService) private readonly log: DeliveryLogService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.webhookCreate, (request) => this.endpoints.create(request));
    this.bus.serve(rpcSubjects.webhookList, (request) => this.endpoints.list(request));
    this.bus.serve(rpcSubjects.webhookGet, (request) => this.endpoints.get(request));
    this.bus.serve(rpcSubjects.webhookUpdate, (request) => this.endpoints.update(request));
    this.bus.serve(rpcSubjects.webhookDelete, (request) => this.endpoints.delete(request));
    this.bus.serve(rpcSubjects.webhookRotateSecret, (request) => this.endpoints.rotateSecret(request));
    this.bus.serve(rpcSubjects.webhookDeliveriesList, (request) => this.log.list(request));
    this.bus.serve(rpcSubjects.webhookRedeliver, (request) => this.log.redeliver(request));
    this.bus.serve(rpcSubjects.webhookTest, (request) => this.log.fireTest(request));
  }
}
