import base from '../../eslint.config.mjs';

export default [
  ...base,
  {
    // The fixtures write test data straight into the owners' tables, as `npm run seed` does:
    // the platform has no public API yet for zero-balance organizations or deleted agents.
    // Only this folder may; the specs themselves stay black-box.
    files: ['support/fixtures/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['@parley/db-identity', '@parley/db-agents', '@parley/db-billing', '@parley/db-migrate'],
        },
      ],
    },
  },
];
