import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { DialAdmitService } from './dial-admit.service';

/** Serves `dialer.v1.rpc.dial.admit` in the `dialer` queue group: any instance can admit any ticket. */
@Injectable()
export class DialAdmitRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(DialAdmitService) private readonly service: DialAdmitService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.dialerDialAdmit, (request) => this.service.admit(request.ticketHash));
  }
}
