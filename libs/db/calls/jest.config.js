module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-calls', rootDir: __dirname };
