module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tests',
  rootDir: __dirname,
  testMatch: ['<rootDir>/integration/**/*.spec.ts', '<rootDir>/architecture/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  testTimeout: 90000,
  // A safety net, not a licence: every stack stops its processes in afterAll, but a process left
  // behind by a failed start must not hold the CI run open until its time limit (it once did for
  // 80 minutes after a red run had already reported).
  forceExit: true,
};
