import { z } from 'zod';
import { API_ERROR_CODES } from '../api-error';
import type { RouteDoc } from './route-catalog';

type JsonSchema = Record<string, unknown>;

/** JSON Schema of a zod schema as a client sends it (`input`) or receives it (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const META_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['timestamp', 'request_id'],
  properties: {
    timestamp: { type: 'string', format: 'date-time' },
    request_id: { type: 'string' },
    pagination: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        has_more: { type: 'boolean' },
      },
    },
  },
};

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['success', 'error', 'code', 'details', 'meta'],
  properties: {
    success: { const: false },
    error: { type: 'string' },
    code: { enum: [...API_ERROR_CODES] },
    details: { type: 'object' },
    meta: { $ref: '#/components/schemas/Meta' },
  },
};

const SECURITY: Record<RouteDoc['auth'], Record<string, string[]>[]> = {
  'api-key': [{ bearerKey: [] }, { apiKeyHeader: [] }],
  session: [{ sessionToken: [] }],
  none: [],
};

/** The OpenAPI 3.1 document of every route in the catalog. */
export function openApiDocument(routes: readonly RouteDoc[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version: '1.0.0', description: 'Public API (/api/v1, API key) and dashboard API (/api, session).' },
    paths,
    components: {
      schemas: { Meta: META_SCHEMA, Error: ERROR_SCHEMA },
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer sk_live_…' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        sessionToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/auth/login, or a Clerk session' },
      },
    },
  };
}

function operationOf(route: RouteDoc): JsonSchema {
  const { spec } = route;
  const status = String(spec.status ?? 200);
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [route.tag],
    security: SECURITY[route.auth],
    parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')],
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(spec.body, 'input') } } } }
      : {}),
    responses: {
      [status]: { description: spec.summary, content: successContent(route) },
      default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
}

function successContent(route: RouteDoc): JsonSchema {
  const { spec } = route;
  if (spec.raw) return { [spec.raw.contentType]: {} };
  const item = spec.response ? jsonSchemaOf(spec.response, 'output') : {};
  const data = spec.list ? { type: 'array', items: item } : item;
  const schema = {
    type: 'object',
    required: ['success', 'data', 'meta'],
    properties: { success: { const: true }, data, meta: { $ref: '#/components/schemas/Meta' } },
  };
  return { 'application/json': { schema } };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}
