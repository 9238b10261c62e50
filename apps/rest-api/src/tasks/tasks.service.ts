import { Inject, Injectable } from '@nestjs/common';
import { rpcSubjects, type TaskFields } from '@parley/contracts';
import { ApiError } from '../http/api-error';
import { DialerTasksClient } from './dialer-tasks.client';
import type { TaskCreateBody, TaskPatchBody } from './task-body.schema';
import type { TaskListQuery } from './task-query.schema';
import { TaskOwnersRepository } from './task-owners.repository';
import type { TaskDetailView, TaskView } from './task-view.schema';
import { toTaskFields, toTaskView } from './task-view.mapper';

export interface TaskList {
  readonly tasks: TaskView[];
  readonly total: number;
}

/**
 * `/api/v1/tasks` over the dialer, which owns tasks and enforces their status rules. This side
 * checks what only rest-api knows: the agent belongs to the caller's organization.
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(DialerTasksClient) private readonly dialer: DialerTasksClient,
    @Inject(TaskOwnersRepository) private readonly owners: TaskOwnersRepository,
  ) {}

  /** `keyId`: the API key creating the task, to which its calls are attributed. */
  async create(orgId: string, body: TaskCreateBody, keyId?: string): Promise<TaskView> {
    const { agent_id: agentId, ...rest } = body;
    if (!(await this.owners.findAgent(orgId, agentId))) throw ApiError.notFound('Agent');
    const maxConcurrentCalls = await this.owners.concurrentCallLimit(orgId);
    const fields = toTaskFields(rest) as TaskFields;
    const task = await this.dialer.call(rpcSubjects.dialerTaskCreate, { orgId, agentId, fields, maxConcurrentCalls, keyId });
    return toTaskView(task);
  }

  async list(orgId: string, query: TaskListQuery): Promise<TaskList> {
    const { agent_id: agentId, status, limit, offset } = query;
    const page = await this.dialer.call(rpcSubjects.dialerTaskList, { orgId, agentId, status, limit, offset });
    return { tasks: page.tasks.map(toTaskView), total: page.total };
  }

  async get(orgId: string, taskId: string): Promise<TaskDetailView> {
    const task = await this.dialer.call(rpcSubjects.dialerTaskGet, { orgId, taskId });
    return { ...toTaskView(task), agent: await this.owners.findAgent(orgId, task.agentId) };
  }

  async update(orgId: string, taskId: string, body: TaskPatchBody): Promise<TaskView> {
    const changes = toTaskFields(body);
    return toTaskView(await this.dialer.call(rpcSubjects.dialerTaskUpdate, { orgId, taskId, changes }));
  }

  async remove(orgId: string, taskId: string): Promise<{ id: string; deleted: true }> {
    await this.dialer.call(rpcSubjects.dialerTaskDelete, { orgId, taskId });
    return { id: taskId, deleted: true };
  }

  async execute(orgId: string, taskId: string): Promise<{ task_id: string; call_id: string; message: string }> {
    const { callId } = await this.dialer.call(rpcSubjects.dialerTaskExecute, { orgId, taskId });
    return { task_id: taskId, call_id: callId, message: 'Call initiated' };
  }

  async reset(orgId: string, taskId: string): Promise<TaskView> {
    return toTaskView(await this.dialer.call(rpcSubjects.dialerTaskReset, { orgId, taskId }));
  }
}
