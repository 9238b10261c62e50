import { Bus } from '@parley/bus';
import { streams } from '@parley/contracts';
import { createPrismaClient, type DialerClient, slice } from '@parley/db-dialer';
import { createLogger } from '@parley/logging';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { DialAdmitRpc } from '../../src/dial/dial-admit.rpc';
import { DialAdmitService } from '../../src/dial/dial-admit.service';
import { DialTickets } from '../../src/dial/dial-tickets';
import { DialTicketsRepository } from '../../src/dial/dial-tickets.repository';
import { CallReporter } from '../../src/reports/call-reporter';
import { CallReportsRepository } from '../../src/reports/call-reports.repository';
import { CallPlacer } from '../../src/tasks/call-placer';
import { TaskCallEventsConsumer } from '../../src/tasks/task-call-events.consumer';
import { TaskWebhooks } from '../../src/tasks/task-webhooks';
import { TasksRepository } from '../../src/tasks/tasks.repository';
import { TasksRpc } from '../../src/tasks/tasks.rpc';
import { TasksService } from '../../src/tasks/tasks.service';
import { RecordingProvider } from './recording-provider';

export const silentLogger = createLogger({ service: 'dialer-test', level: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent' });

/** Dial tickets of the harness's calls expire after this (the dialer's ring timeout). */
export const DIAL_TICKET_TTL_MS = 60_000;

/** The dialer's task features wired by hand against a fresh database and a namespaced bus. */
export interface DialerHarness {
  readonly database: TestDatabase;
  readonly db: DialerClient;
  readonly bus: Bus;
  readonly provider: RecordingProvider;
  readonly repository: TasksRepository;
  readonly placer: CallPlacer;
  readonly webhooks: TaskWebhooks;
  readonly tickets: DialTickets;
  close(): Promise<void>;
}

export async function startDialerHarness(name: string): Promise<DialerHarness> {
  const database = await createTestDatabase([slice]);
  const db = createPrismaClient(database.url);
  const bus = await Bus.connect({ url: (await testInfra()).natsUrl, name, namespace: uniqueNamespace(name) });
  await bus.ensureStreams([streams.call, streams.dialer]);
  const provider = new RecordingProvider();
  const repository = new TasksRepository(db);
  const webhooks = new TaskWebhooks(bus, silentLogger);
  const ticketsRepository = new DialTicketsRepository(db);
  const tickets = new DialTickets(ticketsRepository, DIAL_TICKET_TTL_MS);
  const placer = new CallPlacer(provider, repository, webhooks, tickets, silentLogger);
  new TasksRpc(bus, new TasksService(repository, placer)).onModuleInit();
  new DialAdmitRpc(bus, new DialAdmitService(ticketsRepository, bus, silentLogger)).onModuleInit();
  const reporter = new CallReporter(new CallReportsRepository(db), bus);
  await new TaskCallEventsConsumer(bus, repository, reporter, webhooks, silentLogger).onApplicationBootstrap();
  return {
    database,
    db,
    bus,
    provider,
    repository,
    placer,
    webhooks,
    tickets,
    close: async () => {
      await bus.removeStreams([streams.call, streams.dialer]);
      await bus.drain();
      await db.$disconnect();
      await database.drop();
    },
  };
}
