module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-webhooks', rootDir: __dirname };
