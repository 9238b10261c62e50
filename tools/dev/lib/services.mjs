// The eight services and their default ports (DESIGN.md). start.mjs runs each as its own process.
export const SERVICES = [
  { name: 'rest-api', port: 3000 },
  { name: 'gateway', port: 3001 },
  { name: 'stt-worker', port: 3011 },
  { name: 'llm-worker', port: 3012 },
  { name: 'tts-worker', port: 3013 },
  { name: 'billing', port: 3014 },
  { name: 'dialer', port: 3015 },
  { name: 'webhooks', port: 3016 },
];

/** Output prefixes are this wide, so every service's lines line up. */
export const NAME_WIDTH = Math.max(...SERVICES.map(({ name }) => name.length));

/** `--only gateway,rest-api` → those services, in the table's order; unknown names are an error. */
export function selectServices(only) {
  if (!only) return SERVICES;
  const wanted = only.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !SERVICES.some((service) => service.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown service ${unknown.join(', ')}; choose from ${SERVICES.map((s) => s.name).join(', ')}`);
  }
  return SERVICES.filter((service) => wanted.includes(service.name));
}
