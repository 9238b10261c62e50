import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { AgentResolveService } from './agent-resolve.service';

/** Serves `identity.v1.rpc.agent.resolve` in the `identity` queue group (the dialer, for calls it places). */
@Injectable()
export class AgentResolveRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(AgentResolveService) private readonly service: AgentResolveService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.identityAgentResolve, (request) => this.service.resolve(request.orgId, request.agentId));
  }
}
