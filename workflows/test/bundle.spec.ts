import { readFileSync } from 'node:fs';
import { prebuiltWorkflowBundle } from '@clientfees/testing';

/**
 * The workflow bundle is loaded into every workflow context the worker caches, so its size is
 * memory per cached lifecycle (BENCHMARKS.md). Workflow code imports `@clientfees/domain/workflow`
 * (ESLint enforces it for the workflow files); this checks the built bundle, which would also
 * catch the banking calendar coming in another way, e.g. through contracts.
 */
describe('the workflow bundle', () => {
  const code = readFileSync(prebuiltWorkflowBundle().codePath, 'utf8');

  it('leaves out the banking calendar and its dependencies', () => {
    for (const heavy of ['node_modules/date-holidays', 'node_modules/moment-timezone', 'node_modules/moment/', 'node_modules/astronomia']) {
      expect([heavy, code.includes(heavy)]).toEqual([heavy, false]);
    }
  });

  it('stays small: under 3.5 MB (2.4 MB at the split; 9.8 MB with the full domain)', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(3_500_000);
  });
});
