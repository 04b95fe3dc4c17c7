// Writes each Jest run's counts to tmp/test-results/<project>.json, so scripts/test.sh can print
// one closing line for the whole suite across the Nx projects.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const [context] = [...contexts];
    const name = (context && context.config.displayName && context.config.displayName.name) || path.basename(this.globalConfig.rootDir);
    const dir = path.resolve(__dirname, '..', '..', 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        project: name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
