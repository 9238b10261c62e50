// The whole test suite: one Jest run over every project, so `npm test` reports one total.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const parents = ['libs', 'libs/db', 'apps', 'tools/dev', 'e2e'];
const projects = parents.flatMap((parent) =>
  existsSync(path.join(__dirname, parent))
    ? readdirSync(path.join(__dirname, parent))
        .map((name) => path.join(__dirname, parent, name, 'jest.config.js'))
        .filter((config) => existsSync(config))
    : [],
);

// testTimeout is global: a project's own setting is ignored in this multi-project run.
module.exports = { projects, testTimeout: 30000 };
