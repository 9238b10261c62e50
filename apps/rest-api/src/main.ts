import cluster from 'node:cluster';
import { EnvError } from '@parley/config';
import { createLogger } from '@parley/logging';
import { runService } from '@parley/service';
import { runPrimary, workerCount } from './cluster';
import { loadConfig } from './config';
import { RestApiModule } from './rest-api.module';

const serve = () => void runService({ name: 'rest-api', loadConfig, module: RestApiModule.forRoot });

/** REST_API_WORKERS processes share the port (one per core by default); 1 runs the app right here. */
function main(): void {
  if (!cluster.isPrimary) return serve();
  const workers = workersOrExit();
  if (workers === 1) return serve();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof EnvError) return serve(); // which reports the variables and exits 1, once
    throw err;
  }
  const log = createLogger({ service: 'rest-api', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  runPrimary({ workers, log, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS + 5_000 });
}

function workersOrExit(): number {
  try {
    return workerCount();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    createLogger({ service: 'rest-api' }).fatal({ problems: err.problems }, 'invalid environment');
    process.exit(1);
  }
}

main();
