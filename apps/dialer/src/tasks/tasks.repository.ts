import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TaskFields, TaskListRequest, TaskStatus } from '@parley/contracts';
import type { DialerClient, Task as TaskRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';
import { toTaskColumns } from './task.mapper';

export interface TaskKey {
  readonly orgId: string;
  readonly taskId: string;
}

/**
 * Tasks in the dialer slice. Every state change is one conditional UPDATE on the current status,
 * so two requests (or a request and the scheduler) racing on one task cannot both win.
 */
@Injectable()
export class TasksRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  create(orgId: string, agentId: string, fields: TaskFields, keyId?: string): Promise<TaskRow> {
    const data = { ...toTaskColumns(fields), name: fields.name, toNumber: fields.toNumber, orgId, agentId, keyId };
    return this.db.task.create({ data });
  }

  async list({ orgId, agentId, status, limit, offset }: TaskListRequest): Promise<{ rows: TaskRow[]; total: number }> {
    const where = { orgId, ...(agentId ? { agentId } : {}), ...(status ? { status } : {}) };
    const [rows, total] = await this.db.$transaction([
      this.db.task.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit, skip: offset }),
      this.db.task.count({ where }),
    ]);
    return { rows, total };
  }

  find({ orgId, taskId }: TaskKey): Promise<TaskRow | null> {
    return this.db.task.findFirst({ where: { id: taskId, orgId } });
  }

  /** Null when the task is missing or no longer pending. */
  async updatePending(key: TaskKey, changes: Partial<TaskFields>): Promise<TaskRow | null> {
    const { count } = await this.db.task.updateMany({ where: this.pending(key), data: toTaskColumns(changes) });
    return count === 1 ? this.find(key) : null;
  }

  /** True when the task existed in one of `statuses` and is gone. */
  async deleteIn(key: TaskKey, statuses: TaskStatus[]): Promise<boolean> {
    const { count } = await this.db.task.deleteMany({ where: { ...this.where(key), status: { in: statuses } } });
    return count === 1;
  }

  /** Pending → in_progress with a fresh call id; null when the task is missing or not pending. */
  async startCall(key: TaskKey): Promise<TaskRow | null> {
    const callId = randomUUID();
    const { count } = await this.db.task.updateMany({
      where: this.pending(key),
      data: {
        status: 'in_progress',
        callId,
        attempts: { increment: 1 },
        startedAt: new Date(),
        connectedAt: null,
        completedAt: null,
        lastError: null,
      },
    });
    return count === 1 ? this.find(key) : null;
  }

  /** Back to pending, forgetting the last call so its late events cannot touch the task. */
  async reset(key: TaskKey): Promise<TaskRow | null> {
    const { count } = await this.db.task.updateMany({
      where: { ...this.where(key), status: { not: 'pending' } },
      data: {
        status: 'pending',
        callId: null,
        dialTicketHash: null,
        dialTicketExpiresAt: null,
        startedAt: null,
        connectedAt: null,
        completedAt: null,
        lastError: null,
      },
    });
    return count === 1 ? this.find(key) : null;
  }

  /**
   * The in-progress task of `callId` → completed or failed; null when no task waits for this call
   * (an inbound call, a task reset since, or an event delivered twice).
   */
  async finishCall(callId: string, status: 'completed' | 'failed', error: string | null): Promise<TaskRow | null> {
    const { count } = await this.db.task.updateMany({
      where: { callId, status: 'in_progress' },
      data: { status, completedAt: new Date(), lastError: error, dialTicketHash: null, dialTicketExpiresAt: null },
    });
    return count === 1 ? this.db.task.findFirst({ where: { callId } }) : null;
  }

  /** The task's call reached the gateway: it no longer counts as ringing. */
  async markConnected(callId: string, at: Date): Promise<void> {
    await this.db.task.updateMany({ where: { callId, status: 'in_progress', connectedAt: null }, data: { connectedAt: at } });
  }

  /** The task that placed `callId`, whatever its status. */
  findByCall(callId: string): Promise<TaskRow | null> {
    return this.db.task.findFirst({ where: { callId } });
  }

  /** Remembers the organization's concurrent-call limit for the scheduler. */
  async rememberLimit(orgId: string, maxConcurrentCalls: number): Promise<void> {
    await this.db.orgLimit.upsert({
      where: { orgId },
      create: { orgId, maxConcurrentCalls },
      update: { maxConcurrentCalls },
    });
  }

  private where({ orgId, taskId }: TaskKey) {
    return { id: taskId, orgId };
  }

  private pending(key: TaskKey) {
    return { ...this.where(key), status: 'pending' as const };
  }
}
