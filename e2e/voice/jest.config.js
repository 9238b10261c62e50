// Each spec file starts the real platform (six services as child processes) and talks to it in
// real time: minutes, not seconds, on a loaded two-core machine. The per-test timeout is set in
// support/jest-setup.ts, so it holds in the root run of every project too.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e-voice',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/support/e2e-environment.ts',
  setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
};
