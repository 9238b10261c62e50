module.exports = { ...require('../../jest.preset.js'), displayName: 'tts-worker', rootDir: __dirname };
