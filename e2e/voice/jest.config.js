// Each spec file starts the real platform (six services as child processes) and talks to it in
// real time: minutes, not seconds, on a loaded two-core machine.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e-voice',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/support/e2e-environment.ts',
  testTimeout: 120_000,
};
