import { randomUUID } from 'node:crypto';
import type { Bus } from '@parley/bus';
import { BusError } from '@parley/bus';
import { type RpcRequest, type RpcSubject, rpcSubjects, type Task } from '@parley/contracts';

type TaskRpc = Extract<RpcSubject, `dialer.v1.rpc.task.${string}`>;

/**
 * Plays the dialer's side of the task RPCs on the bus: it records each request and answers from
 * a map of tasks, with NOT_FOUND for tasks of another organization and CONFLICT when told to.
 * rest-api may not import the dialer's code or slice; the real handlers have their own specs
 * (apps/dialer/test/tasks-rpc.spec.ts).
 */
export class FakeTaskDialer {
  readonly requests: { subject: TaskRpc; request: RpcRequest<TaskRpc> }[] = [];
  readonly tasks = new Map<string, Task>();
  conflict?: string;

  constructor(bus: Bus) {
    bus.serve(rpcSubjects.dialerTaskCreate, (r) => this.record(rpcSubjects.dialerTaskCreate, r, () => this.create(r)));
    bus.serve(rpcSubjects.dialerTaskList, (r) =>
      this.record(rpcSubjects.dialerTaskList, r, () => {
        const tasks = [...this.tasks.values()].filter((t) => t.orgId === r.orgId);
        return { tasks: tasks.slice(r.offset, r.offset + r.limit), total: tasks.length };
      }),
    );
    bus.serve(rpcSubjects.dialerTaskGet, (r) => this.record(rpcSubjects.dialerTaskGet, r, () => this.find(r)));
    bus.serve(rpcSubjects.dialerTaskUpdate, (r) =>
      this.record(rpcSubjects.dialerTaskUpdate, r, () => ({ ...this.changeable(r), ...r.changes }) as Task),
    );
    bus.serve(rpcSubjects.dialerTaskDelete, (r) =>
      this.record(rpcSubjects.dialerTaskDelete, r, () => ({ taskId: this.changeable(r).id, deleted: true as const })),
    );
    bus.serve(rpcSubjects.dialerTaskExecute, (r) =>
      this.record(rpcSubjects.dialerTaskExecute, r, () => ({ taskId: this.changeable(r).id, callId: randomUUID() })),
    );
    bus.serve(rpcSubjects.dialerTaskReset, (r) =>
      this.record(rpcSubjects.dialerTaskReset, r, () => ({ ...this.changeable(r), status: 'pending' as const })),
    );
  }

  last(subject: TaskRpc): RpcRequest<TaskRpc> | undefined {
    return this.requests.filter((entry) => entry.subject === subject).at(-1)?.request;
  }

  private record<R>(subject: TaskRpc, request: RpcRequest<TaskRpc>, answer: () => R): R {
    this.requests.push({ subject, request });
    return answer();
  }

  private create(r: RpcRequest<typeof rpcSubjects.dialerTaskCreate>): Task {
    const now = new Date().toISOString();
    const { fields } = r;
    const task: Task = {
      id: randomUUID(),
      orgId: r.orgId,
      agentId: r.agentId,
      name: fields.name,
      description: fields.description ?? null,
      toNumber: fields.toNumber,
      startingMessage: fields.startingMessage ?? null,
      contextData: fields.contextData ?? null,
      priority: fields.priority ?? 0,
      scheduledAt: fields.scheduledAt ?? null,
      status: 'pending',
      webhookUrl: fields.webhookUrl ?? null,
      webhookEvents: fields.webhookEvents ?? [],
      extractFields: fields.extractFields ?? [],
      callId: null,
      attempts: 0,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      completedAt: null,
    };
    this.tasks.set(task.id, task);
    return task;
  }

  private find({ orgId, taskId }: { orgId: string; taskId: string }): Task {
    const task = this.tasks.get(taskId);
    if (!task || task.orgId !== orgId) throw new BusError('NOT_FOUND', 'no task with this id in the organization');
    return task;
  }

  private changeable(key: { orgId: string; taskId: string }): Task {
    const task = this.find(key);
    if (this.conflict) throw new BusError('CONFLICT', this.conflict);
    return task;
  }
}
