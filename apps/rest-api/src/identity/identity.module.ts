import { Module } from '@nestjs/common';
import { AgentResolveRepository } from './agent-resolve.repository';
import { AgentResolveRpc } from './agent-resolve.rpc';
import { AgentResolveService } from './agent-resolve.service';
import { InvalidationEvents } from './invalidation-events.publisher';
import { KeyResolveRepository } from './key-resolve.repository';
import { KeyResolveRpc } from './key-resolve.rpc';
import { KeyResolveService } from './key-resolve.service';

/**
 * Key resolution for the voice gateway and agent resolution for the dialer over the bus, and
 * the events that keep the gateway's key cache honest. Needs `DatabaseModule` and `BusModule` (both global) in the app.
 */
@Module({
  providers: [
    KeyResolveRepository,
    KeyResolveService,
    KeyResolveRpc,
    AgentResolveRepository,
    AgentResolveService,
    AgentResolveRpc,
    InvalidationEvents,
  ],
  exports: [KeyResolveService, InvalidationEvents],
})
export class IdentityModule {}
