import type { InfraService } from './infra-services';

/** True when testcontainers finds a working Docker (or compatible) runtime. */
export async function containersAvailable(): Promise<boolean> {
  // Loaded on demand: most runs find their infrastructure without Docker.
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the service's container and returns its URL. Testcontainers' reaper removes the
 * container when this process exits, so nothing here stops it.
 */
export async function startContainer(service: InfraService): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const spec = service.container;
  let container = new GenericContainer(spec.image)
    .withExposedPorts(spec.port)
    .withWaitStrategy(Wait.forLogMessage(spec.readyLog, spec.readyLogTimes ?? 1));
  if (spec.environment) container = container.withEnvironment(spec.environment);
  if (spec.command) container = container.withCommand(spec.command);
  const started = await container.start();
  return spec.url(started.getHost(), started.getMappedPort(spec.port));
}
