module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'workflows',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../tests/support/global-setup.js',
  testTimeout: 60000,
};
