export interface ApiCallOptions {
  /** Sent as `Authorization: Bearer` (an API key or a session token). */
  readonly bearer?: string;
  /** Sent as `X-API-Key`. */
  readonly apiKey?: string;
  /** JSON-encoded unless a string (sent as is, e.g. malformed JSON). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read bodies loosely, like a client would
export interface ApiResult<T = any> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  readonly body: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResult
export type ApiCall = <T = any>(method: string, path: string, options?: ApiCallOptions) => Promise<ApiResult<T>>;

/** `fetch` with the API's auth headers and JSON in and out, for specs. */
export function apiClient(baseUrl: string): ApiCall {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
    if (options.apiKey) headers['X-API-Key'] = options.apiKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('json') ?? false;
    return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text };
  };
}
