// Once per Jest run: load the provisioned tool paths (.tools/env) if the caller has not, and
// bundle the workflows a single time so each test file reuses the bundle.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function loadToolEnv() {
  const file = path.join(root, '.tools', 'env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match || process.env[match[1]]) continue;
    process.env[match[1]] = match[2].replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
  }
}

module.exports = async function globalSetup() {
  loadToolEnv();
  if (process.env.CLIENTFEES_WORKFLOW_BUNDLE) return;
  require(path.join(root, 'scripts', 'register.js'));
  const { bundleWorkflowCode } = require('@temporalio/worker');
  const { workflowBundleOptions } = require(path.join(root, 'workflows', 'src', 'bundle.ts'));
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions, logger: quietLogger() });
  const out = path.join(root, 'tmp', `workflow-bundle-${process.pid}.js`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  process.env.CLIENTFEES_WORKFLOW_BUNDLE = out;
};

function quietLogger() {
  const noop = () => undefined;
  return { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
}
