/** Routes under `/api` speak the envelope; `/healthz`, `/readyz` and `/metrics` keep their own shapes. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
