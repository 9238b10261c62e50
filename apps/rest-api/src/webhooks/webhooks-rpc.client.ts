import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { callService } from '../http/service-rpc';

type WebhooksRpc = Extract<RpcSubject, `webhooks.v1.rpc.${string}`>;

/** The webhooks service's RPCs for the controller, its answers as API errors (`callService`). */
@Injectable()
export class WebhooksRpcClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  call<S extends WebhooksRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    return callService(this.bus, subject, request, 'Webhook');
  }
}
