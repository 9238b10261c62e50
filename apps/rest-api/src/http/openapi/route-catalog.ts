import { Inject, Injectable, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ApiKeyGuard } from '../../auth/api-key.guard';
import { SessionGuard } from '../../auth/session.guard';
import { endpointOf, type EndpointSpec } from '../endpoint.decorator';

export type RouteAuth = 'api-key' | 'session' | 'none';

/** One documented route: what `@Endpoint` says, plus where Nest mounted it and how it is guarded. */
export interface RouteDoc {
  readonly method: string;
  /** OpenAPI style: `/api/v1/agents/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly auth: RouteAuth;
  readonly spec: EndpointSpec;
}

/**
 * The OpenAPI registry: every controller method with `@Endpoint`, found through Nest's own
 * metadata, so a route is documented exactly where and how it is served. Built once, on first use.
 */
@Injectable()
export class RouteCatalog {
  private routes?: readonly RouteDoc[];

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
  ) {}

  all(): readonly RouteDoc[] {
    this.routes ??= this.discover();
    return this.routes;
  }

  private discover(): RouteDoc[] {
    const routes: RouteDoc[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const route = routeOf(controller, prototype[name] as object);
        if (route) routes.push(route);
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}

function routeOf(controller: object, handler: object): RouteDoc | undefined {
  const spec = endpointOf(handler);
  if (!spec) return undefined;
  const path = joinPath(metadata<string>(PATH_METADATA, controller), metadata<string>(PATH_METADATA, handler));
  const method = RequestMethod[metadata<RequestMethod>(METHOD_METADATA, handler) ?? RequestMethod.GET];
  const guards = [...(metadata<unknown[]>(GUARDS_METADATA, controller) ?? []), ...(metadata<unknown[]>(GUARDS_METADATA, handler) ?? [])];
  const auth: RouteAuth = guards.includes(ApiKeyGuard) ? 'api-key' : guards.includes(SessionGuard) ? 'session' : 'none';
  return { method, path, auth, spec, tag: spec.tag ?? tagOf(path) };
}

function metadata<T>(key: string, target: object): T | undefined {
  const value = Reflect.getMetadata(key, target) as T | T[] | undefined;
  return Array.isArray(value) && key === PATH_METADATA ? (value[0] as T) : (value as T | undefined);
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${joined}`;
}

/** `/api/v1/agents/{id}` → `agents`; `/api/keys` → `keys`. */
function tagOf(path: string): string {
  const segments = path.split('/').filter((segment) => segment && segment !== 'api' && !/^v\d+$/.test(segment));
  return segments[0] ?? 'api';
}
