// Polls each service's /readyz until every one answers 200. What a not-ready service said last
// (status and body, or why it could not be reached) is kept so a timeout can name the cause.
const POLL_MS = 500;

export async function probe(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) });
    const body = (await response.text()).trim().slice(0, 400);
    return { ready: response.status === 200, detail: `/readyz answered ${response.status} ${body}`.trim() };
  } catch (error) {
    const reason = error.cause?.code ?? error.name ?? 'error';
    return { ready: false, detail: `/readyz not reachable (${reason})` };
  }
}

/**
 * Resolves when all services are ready. Rejects on timeout with the not-ready services' last
 * answers, or as soon as `failure()` returns a reason (a child died during start-up).
 */
export async function waitUntilReady(services, { timeoutMs, failure }) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Map(services.map((service) => [service.name, { service, detail: 'not probed yet' }]));
  while (pending.size > 0) {
    const reason = failure();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) {
      const lines = [...pending.values()].map(({ service, detail }) => `  ${service.name} (:${service.port}): ${detail}`);
      throw new Error(`not ready after ${timeoutMs / 1000} s:\n${lines.join('\n')}`);
    }
    await Promise.all(
      [...pending.values()].map(async (entry) => {
        const result = await probe(entry.service.port);
        if (result.ready) pending.delete(entry.service.name);
        else entry.detail = result.detail;
      }),
    );
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
