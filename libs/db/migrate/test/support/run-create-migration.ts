// Runs createMigration in a plain Node process and prints its result as JSON. The schema engine's
// bindings are an ES module, which Node's require loads but Jest's module system cannot.
import { createMigration, type CreateMigrationOptions } from '../../src';

const options = JSON.parse(process.argv[2]) as CreateMigrationOptions;
createMigration(options).then(
  (created) => process.stdout.write(JSON.stringify(created)),
  (error: Error) => {
    process.stderr.write(error.message);
    process.exitCode = 1;
  },
);
