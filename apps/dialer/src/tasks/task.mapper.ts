import type { Task, TaskFields, TaskWebhookEvent } from '@parley/contracts';
import { Prisma, type Task as TaskRow } from '@parley/db-dialer';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A stored task as the bus carries it. */
export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    orgId: row.orgId,
    agentId: row.agentId,
    name: row.name,
    description: row.description,
    toNumber: row.toNumber,
    startingMessage: row.startingMessage,
    contextData: (row.contextData as Task['contextData']) ?? null,
    priority: row.priority,
    scheduledAt: iso(row.scheduledAt),
    status: row.status,
    webhookUrl: row.webhookUrl,
    webhookEvents: row.webhookEvents as TaskWebhookEvent[],
    extractFields: row.extractFields,
    callId: row.callId,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
  };
}

/** Plain column values, assignable to both Prisma's create and update inputs. */
export interface TaskColumns {
  name?: string;
  description?: string | null;
  toNumber?: string;
  startingMessage?: string | null;
  contextData?: Prisma.InputJsonValue | typeof Prisma.DbNull;
  priority?: number;
  scheduledAt?: Date | null;
  webhookUrl?: string | null;
  webhookEvents?: string[];
  extractFields?: string[];
}

/**
 * The columns a client's fields set. Only keys present are written, so a partial update leaves
 * the others alone; an explicit null clears a nullable field.
 */
export function toTaskColumns(fields: Partial<TaskFields>): TaskColumns {
  const columns: TaskColumns = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.toNumber !== undefined) columns.toNumber = fields.toNumber;
  if (fields.startingMessage !== undefined) columns.startingMessage = fields.startingMessage;
  if (fields.contextData !== undefined) columns.contextData = jsonOrNull(fields.contextData);
  if (fields.priority !== undefined) columns.priority = fields.priority;
  if (fields.scheduledAt !== undefined) columns.scheduledAt = fields.scheduledAt ? new Date(fields.scheduledAt) : null;
  if (fields.webhookUrl !== undefined) columns.webhookUrl = fields.webhookUrl;
  if (fields.webhookEvents !== undefined) columns.webhookEvents = [...new Set(fields.webhookEvents)];
  if (fields.extractFields !== undefined) columns.extractFields = [...new Set(fields.extractFields)];
  return columns;
}

function jsonOrNull(value: Record<string, unknown> | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
