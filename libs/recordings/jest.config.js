module.exports = { ...require('../../jest.preset.js'), displayName: 'recordings', rootDir: __dirname, passWithNoTests: true };
