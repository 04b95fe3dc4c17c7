// Temporal's runtime logs every worker state change at INFO; tests keep warnings and errors.
const { DefaultLogger, Runtime } = require('@temporalio/worker');

try {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
} catch {
  // Already installed in this worker process by an earlier test file.
}
