module.exports = { ...require('../../jest.preset.js'), displayName: 'iso20022', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
