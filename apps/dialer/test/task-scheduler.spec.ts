import { randomUUID } from 'node:crypto';
import { createPrismaClient, type DialerClient } from '@parley/db-dialer';
import { loadConfig } from '../src/config';
import { DueTasksRepository } from '../src/scheduler/due-tasks.repository';
import { StaleCallSweeper } from '../src/scheduler/stale-call-sweeper';
import { StaleCallsRepository } from '../src/scheduler/stale-calls.repository';
import { type SchedulerSettings, TaskScheduler } from '../src/scheduler/task-scheduler';
import { CallPlacer } from '../src/tasks/call-placer';
import { TasksRepository } from '../src/tasks/tasks.repository';
import { type DialerHarness, silentLogger, startDialerHarness } from './support/dialer-harness';
import { eventually } from './support/eventually';

describe('task scheduler against real Postgres', () => {
  const config = loadConfig({});
  // The production lookahead and batch; a short tick so the capacity specs need not wait long.
  const settings: SchedulerSettings = {
    tickMs: 50,
    batch: config.DIALER_SCHEDULER_BATCH,
    lookaheadMs: config.DIALER_SCHEDULER_LOOKAHEAD_MS,
    defaultMaxConcurrentCalls: 5,
  };
  const staleLimits = { ringTimeoutMs: 60_000, maxCallMs: 3_600_000 };
  let h: DialerHarness;
  const running: { scheduler: TaskScheduler; db: DialerClient }[] = [];

  beforeAll(async () => {
    h = await startDialerHarness('dialer_scheduler');
  });

  afterEach(async () => {
    await Promise.all(running.map(({ scheduler }) => scheduler.onApplicationShutdown()));
    await Promise.all(running.map(({ db }) => db.$disconnect()));
    running.length = 0;
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A scheduler instance as another dialer process would run it: its own pool, same database. */
  async function startScheduler(): Promise<void> {
    const db = createPrismaClient(h.database.url);
    await db.$queryRaw`SELECT 1`; // a running dialer's pool is warm; the first query loads Prisma's compiler
    const placer = new CallPlacer(h.provider, new TasksRepository(db), h.webhooks, h.tickets, silentLogger);
    const sweeper = new StaleCallSweeper(new StaleCallsRepository(db), h.webhooks, staleLimits, silentLogger);
    const scheduler = new TaskScheduler(new DueTasksRepository(db), placer, sweeper, settings, silentLogger);
    scheduler.onApplicationBootstrap();
    running.push({ scheduler, db });
  }

  const dialsOf = (orgId: string) => h.provider.dials.filter((d) => d.call.orgId === orgId);

  it('dials 200 scheduled tasks across two instances, each exactly once and within a second of its time', async () => {
    const orgId = randomUUID();
    const agentId = randomUUID();
    await h.repository.rememberLimit(orgId, 1000);
    const later = new Date(Date.now() + 3_600_000);
    const tasks = Array.from({ length: 200 }, (_, i) => ({
      orgId,
      agentId,
      name: `task ${i}`,
      toNumber: '+14155550100',
      priority: i % 7,
      scheduledAt: later,
    }));
    await h.db.task.createMany({ data: tasks });
    const before = h.provider.dials.length;
    await startScheduler();
    await startScheduler();
    // One statement makes them all due 3 to 5 s from now, so a slow setup cannot make them late.
    await h.db.$executeRaw`
      UPDATE tasks SET scheduled_at = now() + interval '3 seconds' + (priority * interval '300 milliseconds')
      WHERE org_id = ${orgId}::uuid`;

    await h.provider.dialed(before + 200);

    const dials = dialsOf(orgId);
    expect(new Set(dials.map((d) => d.call.taskId)).size).toBe(200);
    expect(dials).toHaveLength(200);
    const rows = await h.db.task.findMany({ where: { orgId } });
    const dueAt = new Map(rows.map((row) => [row.id, (row.scheduledAt as Date).getTime()]));
    const lateness = dials.map((d) => d.at - (dueAt.get(d.call.taskId) as number));
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(-20);
    expect(Math.max(...lateness)).toBeLessThan(1000);
    expect(rows.every((row) => row.status === 'in_progress' && row.attempts === 1)).toBe(true);
  }, 60_000);

  it('starts due tasks highest priority first, one at a time under a limit of one', async () => {
    const orgId = randomUUID();
    await h.repository.rememberLimit(orgId, 1);
    const due = new Date(Date.now() - 1000);
    for (const [name, priority] of [['low', 1], ['high', 9], ['middle', 5]] as const) {
      await h.db.task.create({
        data: { orgId, agentId: randomUUID(), name, toNumber: '+14155550100', priority, scheduledAt: due },
      });
    }
    const before = h.provider.dials.length;
    await startScheduler();
    await startScheduler();

    for (let n = 1; n <= 3; n++) {
      await h.provider.dialed(before + n);
      const last = dialsOf(orgId).at(-1);
      await h.repository.finishCall(last?.call.callId as string, 'completed', null);
    }

    const names = await Promise.all(
      dialsOf(orgId).map(async (d) => (await h.db.task.findUniqueOrThrow({ where: { id: d.call.taskId } })).name),
    );
    expect(names).toEqual(['high', 'middle', 'low']);
  });

  it("keeps to the organization's concurrency limit and starts the next task when a call ends", async () => {
    const orgId = randomUUID();
    await h.repository.rememberLimit(orgId, 2);
    const due = new Date(Date.now() - 1000);
    await h.db.task.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        orgId,
        agentId: randomUUID(),
        name: `t${i}`,
        toNumber: '+14155550100',
        scheduledAt: due,
      })),
    });
    await startScheduler();
    await startScheduler();

    await eventually(async () => dialsOf(orgId).length, (count) => count >= 2);
    // Several passes of both instances (50 ms ticks) must not start a third call.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(dialsOf(orgId)).toHaveLength(2);
    expect(await h.db.task.count({ where: { orgId, status: 'in_progress' } })).toBe(2);

    await h.repository.finishCall(dialsOf(orgId)[0].call.callId, 'completed', null);
    await eventually(async () => dialsOf(orgId).length, (count) => count === 3);
    expect(await h.db.task.count({ where: { orgId, status: 'in_progress' } })).toBe(2);
  });

  it('leaves tasks without a schedule to be executed by hand', async () => {
    const orgId = randomUUID();
    const unscheduled = await h.db.task.create({
      data: { orgId, agentId: randomUUID(), name: 'manual', toNumber: '+14155550100' },
    });
    const later = await h.db.task.create({
      data: {
        orgId,
        agentId: randomUUID(),
        name: 'later',
        toNumber: '+14155550100',
        scheduledAt: new Date(Date.now() + 3_600_000),
      },
    });
    await startScheduler();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = await h.db.task.findMany({ where: { id: { in: [unscheduled.id, later.id] } } });
    expect(rows.map((row) => row.status)).toEqual(['pending', 'pending']);
  });

  it("fails calls that never connected or never ended, freeing their organization's slots", async () => {
    const orgId = randomUUID();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const running = (name: string, startedAt: Date, connectedAt: Date | null) =>
      h.db.task.create({
        data: {
          orgId,
          agentId: randomUUID(),
          name,
          toNumber: '+14155550100',
          status: 'in_progress',
          callId: randomUUID(),
          startedAt,
          connectedAt,
        },
      });
    const ringing = await running('ringing', minutesAgo(0.5), null);
    const unanswered = await running('unanswered', minutesAgo(2), null);
    const talking = await running('talking', minutesAgo(30), minutesAgo(29));
    const lost = await running('lost', minutesAgo(120), minutesAgo(119));
    await startScheduler();

    const ids = [ringing.id, unanswered.id, talking.id, lost.id];
    const rows = await eventually(
      () => h.db.task.findMany({ where: { id: { in: ids } }, orderBy: { name: 'asc' } }),
      (found) => found.filter((row) => row.status === 'failed').length === 2,
    );
    expect(rows.map((row) => [row.name, row.status, row.lastError])).toEqual([
      ['lost', 'failed', 'CALL_LOST'],
      ['ringing', 'in_progress', null],
      ['talking', 'in_progress', null],
      ['unanswered', 'failed', 'NO_ANSWER'],
    ]);
  });
});
