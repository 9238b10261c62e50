module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-billing', rootDir: __dirname };
