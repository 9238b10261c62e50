module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-knowledge', rootDir: __dirname };
