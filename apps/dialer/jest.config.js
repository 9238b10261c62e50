module.exports = { ...require('../../jest.preset.js'), displayName: 'dialer', rootDir: __dirname };
