import type { RouteDoc } from './route-catalog';
import { jsonSchemaOf } from './openapi-document';

const AUTH_LABEL: Record<RouteDoc['auth'], string> = {
  'api-key': 'API key (Authorization: Bearer or X-API-Key)',
  session: 'Session token (Authorization: Bearer)',
  none: 'None',
};

/** A self-contained HTML reference (no scripts, no CDN: it must render offline). */
export function docsPage(routes: readonly RouteDoc[]): string {
  const sections = [...new Set(routes.map((route) => route.tag))].map((tag) => {
    const items = routes.filter((route) => route.tag === tag).map(routeSection);
    return `<section><h2>${escape(tag)}</h2>${items.join('')}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley API</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ddd;text-transform:capitalize}details{margin:.5rem 0;border:1px solid #e3e3e3;border-radius:6px;padding:.4rem .8rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.5rem;font-weight:bold}pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:13px}
</style></head><body><h1>Parley API</h1>
<p>Success: <code>{"success":true,"data":…,"meta":{"timestamp","request_id"}}</code>. Error: <code>{"success":false,"error","code","details","meta"}</code>.
Machine-readable: <a href="openapi.json">openapi.json</a> · <a href="postman.json">Postman collection</a>.</p>
${sections.join('')}</body></html>`;
}

function routeSection(route: RouteDoc): string {
  const { spec } = route;
  const parts = [`<p>${escape(spec.description ?? '')}</p><p>Auth: ${AUTH_LABEL[route.auth]}</p>`];
  if (spec.params) parts.push(schemaBlock('Path parameters', jsonSchemaOf(spec.params, 'input')));
  if (spec.query) parts.push(schemaBlock('Query', jsonSchemaOf(spec.query, 'input')));
  if (spec.body) parts.push(schemaBlock('Body', jsonSchemaOf(spec.body, 'input')));
  if (spec.response) parts.push(schemaBlock(spec.list ? 'data[] item' : 'data', jsonSchemaOf(spec.response, 'output')));
  return `<details><summary><code class="m">${route.method}</code> <code>${escape(route.path)}</code> — ${escape(spec.summary)}</summary>${parts.join('')}</details>`;
}

function schemaBlock(title: string, schema: unknown): string {
  return `<h4>${title}</h4><pre>${escape(JSON.stringify(schema, null, 2))}</pre>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
