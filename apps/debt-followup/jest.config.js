module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'debt-followup',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../../tests/support/global-setup.js',
  testTimeout: 60000,
};
