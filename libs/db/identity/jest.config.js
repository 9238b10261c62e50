module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-identity', rootDir: __dirname };
