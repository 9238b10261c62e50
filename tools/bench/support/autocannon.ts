// autocannon ships no type declarations: these are the parts of its API the REST bench uses.

export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

export interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds. */
  readonly duration: number;
  readonly requests: AutocannonRequest[];
}

export interface AutocannonResult {
  /** `total`: requests completed over the whole run. */
  readonly requests: { readonly average: number; readonly total: number };
  /** Milliseconds. */
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats?: Record<string, { readonly count: number }>;
}

export const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;
