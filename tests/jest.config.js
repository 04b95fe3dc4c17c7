module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tests',
  rootDir: __dirname,
  testMatch: ['<rootDir>/integration/**/*.spec.ts', '<rootDir>/architecture/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  testTimeout: 90000,
};
