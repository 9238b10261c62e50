import type { Task, TaskFields } from '@parley/contracts';
import type { TaskPatchBody } from './task-body.schema';
import type { TaskView } from './task-view.schema';

/** The dialer's task in reference 002's spelling. */
export function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    agent_id: task.agentId,
    name: task.name,
    description: task.description,
    to_number: task.toNumber,
    starting_message: task.startingMessage,
    context_data: task.contextData,
    priority: task.priority,
    scheduled_at: task.scheduledAt,
    status: task.status,
    webhook_url: task.webhookUrl,
    webhook_events: task.webhookEvents,
    extract_fields: task.extractFields,
    call_id: task.callId,
    attempts: task.attempts,
    last_error: task.lastError,
    created_at: task.createdAt,
    updated_at: task.updatedAt,
    started_at: task.startedAt,
    completed_at: task.completedAt,
  };
}

/** A body's fields in the bus's spelling; absent fields stay absent, so a patch changes only what it names. */
export function toTaskFields(body: TaskPatchBody): Partial<TaskFields> {
  const fields: Partial<TaskFields> = {
    name: body.name,
    description: body.description,
    toNumber: body.to_number,
    startingMessage: body.starting_message,
    contextData: body.context_data,
    priority: body.priority,
    scheduledAt: body.scheduled_at,
    webhookUrl: body.webhook_url,
    webhookEvents: body.webhook_events,
    extractFields: body.extract_fields,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
