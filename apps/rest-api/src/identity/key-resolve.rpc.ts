import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { KeyResolveService } from './key-resolve.service';

/**
 * Serves `identity.v1.rpc.key.resolve` in the `identity` queue group, shared by every rest-api.
 * The bus drain at shutdown ends the subscription after the answers in flight have gone out.
 */
@Injectable()
export class KeyResolveRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(KeyResolveService) private readonly service: KeyResolveService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.identityKeyResolve, (request) => this.service.resolve(request.keyHash));
  }
}
