import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { z } from 'zod';
import type { ApiRequest } from './http-types';
import { type InputLocation, parseInput } from './zod-validation';

/** What a route says about itself: validation of its inputs and its OpenAPI entry. */
export interface EndpointSpec {
  readonly summary: string;
  readonly description?: string;
  /** OpenAPI tag; defaults to the path's first segment after the version. */
  readonly tag?: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /** The `data` of the success envelope (one item; a list endpoint names the item schema). */
  readonly response?: z.ZodType;
  /** `data` is an array of `response`, with `meta.pagination`. */
  readonly list?: boolean;
  /** 201 instead of 200, and so on. */
  readonly status?: number;
  /** The handler writes its own body (a file, plain text): no envelope. */
  readonly raw?: { readonly contentType: string };
}

export const ENDPOINT_METADATA = 'parley:rest-endpoint';

/**
 * Declares a route's schemas once: `@ValidBody()`, `@ValidQuery()` and `@ValidParams()` parse
 * with them, and the OpenAPI document lists them.
 */
export const Endpoint = (spec: EndpointSpec) => SetMetadata(ENDPOINT_METADATA, spec);

export function endpointOf(handler: object): EndpointSpec | undefined {
  return Reflect.getMetadata(ENDPOINT_METADATA, handler) as EndpointSpec | undefined;
}

function validated(location: InputLocation) {
  return createParamDecorator((_: unknown, ctx: ExecutionContext) => {
    const schema = endpointOf(ctx.getHandler())?.[location];
    if (!schema) throw new Error(`@Valid${location} needs @Endpoint({ ${location}: schema }) on the handler`);
    const req = ctx.switchToHttp().getRequest<ApiRequest>();
    const value = location === 'body' ? (req.body ?? {}) : req[location];
    return parseInput(schema, value, location);
  });
}

/** The request body, parsed by the `body` schema of the handler's `@Endpoint`. */
export const ValidBody = validated('body');
/** The query string, parsed by the `query` schema of the handler's `@Endpoint`. */
export const ValidQuery = validated('query');
/** The path parameters, parsed by the `params` schema of the handler's `@Endpoint`. */
export const ValidParams = validated('params');
