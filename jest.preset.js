// Shared Jest set-up: SWC compiles TypeScript (with decorator metadata for Nest) and the
// tsconfig path aliases resolve to the libraries' sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/.]/g, '\\$&')}$`] = path.join(root, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: [path.join(root, 'tests', 'support', 'quiet-temporal.js')],
  reporters: ['default', path.join(root, 'tests', 'support', 'summary-reporter.js')],
  // A safety net, not a licence: every stack stops what it started in afterAll (libs/testing's
  // stopTestStack bounds the drain), but a Temporal server or process left behind by a failed
  // start or a stuck worker must not hold a CI run open until its time limit — twice it did, for
  // over an hour, after the tests themselves had finished.
  forceExit: true,
};
