module.exports = { ...require('../../jest.preset.js'), displayName: 'llm-worker', rootDir: __dirname };
