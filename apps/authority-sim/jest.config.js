// The simulator needs no database or Temporal: no global set-up, quick tests.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'authority-sim',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 30000,
};
