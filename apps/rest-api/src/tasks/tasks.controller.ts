import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import { type Paginated, paginated } from '../http/paginated';
import { type TaskCreateBody, taskCreateBodySchema, type TaskPatchBody, taskPatchBodySchema } from './task-body.schema';
import { type TaskListQuery, taskListQuerySchema, taskParamsSchema } from './task-query.schema';
import {
  taskDeleteViewSchema,
  type TaskDetailView,
  taskDetailViewSchema,
  taskExecuteViewSchema,
  type TaskView,
  taskViewSchema,
} from './task-view.schema';
import { TasksService } from './tasks.service';

type TaskParams = { id: string };

/** `/api/v1/tasks` (reference 002): outbound call tasks, served by the dialer over the bus. */
@Controller('api/v1/tasks')
@UseGuards(ApiKeyGuard)
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  @Endpoint({ summary: 'List tasks', query: taskListQuerySchema, response: taskViewSchema, list: true })
  async list(@CurrentPrincipal() p: Principal, @ValidQuery() query: TaskListQuery): Promise<Paginated<TaskView>> {
    const { tasks, total } = await this.tasks.list(p.orgId, query);
    return paginated(tasks, total, query);
  }

  @Post()
  @Endpoint({ summary: 'Create a task', body: taskCreateBodySchema, response: taskViewSchema, status: 201 })
  create(@CurrentPrincipal() p: Principal, @ValidBody() body: TaskCreateBody): Promise<TaskView> {
    return this.tasks.create(p.orgId, body, p.keyId);
  }

  @Get(':id')
  @Endpoint({ summary: 'Get a task with its agent', params: taskParamsSchema, response: taskDetailViewSchema })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: TaskParams): Promise<TaskDetailView> {
    return this.tasks.get(p.orgId, params.id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Update a pending task',
    params: taskParamsSchema,
    body: taskPatchBodySchema,
    response: taskViewSchema,
  })
  update(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: TaskParams,
    @ValidBody() body: TaskPatchBody,
  ): Promise<TaskView> {
    return this.tasks.update(p.orgId, params.id, body);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete a pending or failed task', params: taskParamsSchema, response: taskDeleteViewSchema })
  remove(@CurrentPrincipal() p: Principal, @ValidParams() params: TaskParams) {
    return this.tasks.remove(p.orgId, params.id);
  }

  @Post(':id/execute')
  @HttpCode(200)
  @Endpoint({ summary: 'Execute a pending task (place its call)', params: taskParamsSchema, response: taskExecuteViewSchema })
  execute(@CurrentPrincipal() p: Principal, @ValidParams() params: TaskParams) {
    return this.tasks.execute(p.orgId, params.id);
  }

  @Post(':id/reset')
  @HttpCode(200)
  @Endpoint({ summary: 'Reset a task to pending', params: taskParamsSchema, response: taskViewSchema })
  reset(@CurrentPrincipal() p: Principal, @ValidParams() params: TaskParams): Promise<TaskView> {
    return this.tasks.reset(p.orgId, params.id);
  }
}
