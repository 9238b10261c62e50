import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { callService } from '../http/service-rpc';

type TaskRpc = Extract<RpcSubject, `dialer.v1.rpc.task.${string}`>;

/** The dialer's task RPCs for the controllers, its answers as API errors (`callService`). */
@Injectable()
export class DialerTasksClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  call<S extends TaskRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    return callService(this.bus, subject, request, 'Task');
  }
}
