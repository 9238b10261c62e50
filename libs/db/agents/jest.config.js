module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-agents', rootDir: __dirname };
