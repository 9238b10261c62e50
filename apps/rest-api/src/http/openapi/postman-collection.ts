import { jsonSchemaOf } from './openapi-document';
import type { RouteDoc } from './route-catalog';

const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/**
 * A Postman v2.1 collection of every documented route, one folder per tag. `{{baseUrl}}`,
 * `{{apiKey}}` and `{{sessionToken}}` are collection variables the user fills in.
 */
export function postmanCollection(routes: readonly RouteDoc[], baseUrl: string): Record<string, unknown> {
  const folders = new Map<string, unknown[]>();
  for (const route of routes) {
    const folder = folders.get(route.tag) ?? [];
    folder.push(requestItem(route));
    folders.set(route.tag, folder);
  }
  return {
    info: { name: 'Parley API', schema: POSTMAN_SCHEMA },
    variable: [
      { key: 'baseUrl', value: baseUrl },
      { key: 'apiKey', value: 'sk_live_…' },
      { key: 'sessionToken', value: '' },
    ],
    item: [...folders].map(([name, item]) => ({ name, item })),
  };
}

function requestItem(route: RouteDoc): Record<string, unknown> {
  const segments = route.path.split('/').filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, ':$1'));
  const variables = segments.filter((s) => s.startsWith(':')).map((s) => ({ key: s.slice(1), value: '' }));
  const query = queryNames(route).map((key) => ({ key, value: '', disabled: true }));
  return {
    name: route.spec.summary,
    request: {
      method: route.method,
      header: [...authHeaders(route), ...(route.spec.body ? [{ key: 'Content-Type', value: 'application/json' }] : [])],
      url: { raw: `{{baseUrl}}/${segments.join('/')}`, host: ['{{baseUrl}}'], path: segments, variable: variables, query },
      ...(route.spec.body ? { body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } } } : {}),
    },
  };
}

function authHeaders(route: RouteDoc): { key: string; value: string }[] {
  if (route.auth === 'api-key') return [{ key: 'Authorization', value: 'Bearer {{apiKey}}' }];
  if (route.auth === 'session') return [{ key: 'Authorization', value: 'Bearer {{sessionToken}}' }];
  return [];
}

function queryNames(route: RouteDoc): string[] {
  if (!route.spec.query) return [];
  return Object.keys((jsonSchemaOf(route.spec.query, 'input').properties ?? {}) as Record<string, unknown>);
}
