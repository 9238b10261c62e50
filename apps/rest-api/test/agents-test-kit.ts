import { Bus } from '@parley/bus';
import { type AgentChangedEvent, eventSubjects, rpcSubjects, streams } from '@parley/contracts';

/**
 * Plays the dialer's side of `dialer.v1.rpc.tasks.count` on the bus, so a test sets how many active
 * tasks an agent has. rest-api may not import the dialer's code or slice; the real handler has its
 * own spec beside it (apps/dialer/src/tasks-count).
 */
export class FakeDialer {
  private readonly active = new Map<string, number>();
  readonly requests: { agentId: string; statuses: string[] }[] = [];

  constructor(bus: Bus) {
    bus.serve(rpcSubjects.dialerTasksCount, ({ orgId, agentId, statuses }) => {
      this.requests.push({ agentId, statuses });
      return { count: this.active.get(`${orgId}/${agentId}`) ?? 0 };
    });
  }

  setActiveTasks(orgId: string, agentId: string, count: number): void {
    this.active.set(`${orgId}/${agentId}`, count);
  }
}

/**
 * Reads `agents.v1.evt.agent.changed` from the AGENTS stream (a durable consumer, as the gateway
 * reads it), so a test awaits the event instead of sleeping.
 */
export class AgentChangedEvents {
  private readonly seen: AgentChangedEvent[] = [];
  private readonly waiters: { match: (event: AgentChangedEvent) => boolean; resolve: (e: AgentChangedEvent) => void }[] =
    [];

  static async start(bus: Bus): Promise<AgentChangedEvents> {
    const events = new AgentChangedEvents();
    await bus.ensureStreams([streams.agents]);
    await bus.consume(streams.agents, 'agents-spec', async (event) => {
      if (event.subject === eventSubjects.agentChanged) events.add(event.payload);
    });
    return events;
  }

  /** The first event for `agentId` with that change, seen already or still to come. */
  next(agentId: string, change: AgentChangedEvent['change']): Promise<AgentChangedEvent> {
    const match = (event: AgentChangedEvent) => event.agentId === agentId && event.change === change;
    const found = this.seen.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Every event seen so far for `agentId`. */
  of(agentId: string): AgentChangedEvent[] {
    return this.seen.filter((event) => event.agentId === agentId);
  }

  private add(event: AgentChangedEvent): void {
    this.seen.push(event);
    for (const waiter of this.waiters.filter((w) => w.match(event))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  }
}
