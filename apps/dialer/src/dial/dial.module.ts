import { type DynamicModule, Module } from '@nestjs/common';
import { DialAdmitRpc } from './dial-admit.rpc';
import { DialAdmitService } from './dial-admit.service';
import { DIAL_TICKET_TTL_MS, DialTickets } from './dial-tickets';
import { DialTicketsRepository } from './dial-tickets.repository';

/**
 * One-time dial tickets: issued when a call is placed (global `DialTickets`), admitted by the
 * gateway over `dial.admit`. Needs `BusModule` and `DatabaseModule` (both global).
 */
@Module({})
export class DialModule {
  static forRoot(ticketTtlMs: number): DynamicModule {
    return {
      module: DialModule,
      global: true,
      providers: [
        { provide: DIAL_TICKET_TTL_MS, useValue: ticketTtlMs },
        DialTicketsRepository,
        DialTickets,
        DialAdmitService,
        DialAdmitRpc,
      ],
      exports: [DialTickets],
    };
  }
}
