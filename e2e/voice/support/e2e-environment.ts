import { TestEnvironment } from 'jest-environment-node';
import { FAILED_FLAG } from './failure-flag';

/**
 * Node's test environment, plus a flag the platform harness reads at teardown: when a test or
 * hook of the file failed, the services' logs are printed, since the cause is usually there.
 */
export default class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: { name: string }): Promise<void> {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      this.global[FAILED_FLAG] = true;
    }
  }
}
