import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type {
  Task,
  TaskCreateRequest,
  TaskExecuteReply,
  TaskListReply,
  TaskListRequest,
  TaskUpdateRequest,
} from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import { CallPlacer } from './call-placer';
import { toTask } from './task.mapper';
import { type TaskKey, TasksRepository } from './tasks.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Tasks API rules (reference 002): patch only while pending, delete only pending or failed,
 * execute only pending, reset anything but pending. Another organization's task is NOT_FOUND,
 * exactly like a missing one.
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(TasksRepository) private readonly repository: TasksRepository,
    @Inject(CallPlacer) private readonly placer: CallPlacer,
  ) {}

  async create({ orgId, agentId, fields, maxConcurrentCalls, keyId }: TaskCreateRequest): Promise<Task> {
    if (maxConcurrentCalls !== undefined) await this.repository.rememberLimit(orgId, maxConcurrentCalls);
    return toTask(await this.repository.create(orgId, agentId, fields, keyId));
  }

  async list(request: TaskListRequest): Promise<TaskListReply> {
    const { rows, total } = await this.repository.list(request);
    return { tasks: rows.map(toTask), total };
  }

  async get(key: TaskKey): Promise<Task> {
    return toTask(await this.existing(key));
  }

  async update({ changes, ...key }: TaskUpdateRequest): Promise<Task> {
    const updated = await this.whenValid(key, () => this.repository.updatePending(key, changes));
    return toTask(updated ?? (await this.conflict(key, 'only a pending task can be updated')));
  }

  async delete(key: TaskKey): Promise<{ taskId: string; deleted: true }> {
    const deleted = await this.whenValid(key, () => this.repository.deleteIn(key, ['pending', 'failed']));
    if (!deleted) await this.conflict(key, 'only a pending or failed task can be deleted');
    return { taskId: key.taskId, deleted: true };
  }

  async execute(key: TaskKey): Promise<TaskExecuteReply> {
    const started = await this.whenValid(key, () => this.repository.startCall(key));
    const task = started ?? (await this.conflict(key, 'only a pending task can be executed; reset it first'));
    await this.placer.place(task);
    return { taskId: task.id, callId: task.callId as string };
  }

  async reset(key: TaskKey): Promise<Task> {
    const reset = await this.whenValid(key, () => this.repository.reset(key));
    return toTask(reset ?? (await this.conflict(key, 'the task is already pending')));
  }

  /** Ids that are not UUIDs can name no task; answering NOT_FOUND spares the database the query. */
  private async whenValid<T>(key: TaskKey, change: () => Promise<T>): Promise<T> {
    if (!UUID.test(key.taskId)) throw notFound();
    return change();
  }

  private async existing(key: TaskKey): Promise<TaskRow> {
    const row = UUID.test(key.taskId) ? await this.repository.find(key) : null;
    if (!row) throw notFound();
    return row;
  }

  /** A conditional change did nothing: the task is missing (404) or in the wrong status (409). */
  private async conflict(key: TaskKey, message: string): Promise<never> {
    await this.existing(key);
    throw new BusError('CONFLICT', message);
  }
}

function notFound(): BusError {
  return new BusError('NOT_FOUND', 'no task with this id in the organization');
}
