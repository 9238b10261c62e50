module.exports = { ...require('../../../jest.preset.js'), displayName: 'db-dialer', rootDir: __dirname };
