// Prints the suite's closing line from the per-project Jest summaries.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'tmp', 'test-results');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  console.log(`  ${r.project.padEnd(22)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
