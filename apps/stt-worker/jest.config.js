module.exports = { ...require('../../jest.preset.js'), displayName: 'stt-worker', rootDir: __dirname };
