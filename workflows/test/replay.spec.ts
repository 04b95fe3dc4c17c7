import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { prebuiltWorkflowBundle } from '@clientfees/testing';

const dir = path.join(__dirname, 'histories');
const histories = readdirSync(dir).filter((file) => file.endsWith('.json'));

/**
 * Every recorded history must replay on today's workflow code: a change that would break a
 * running invoice's lifecycle fails here instead of in production.
 */
describe('replay of recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s replays without nondeterminism', async (file) => {
    const history = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    await Worker.runReplayHistory({ workflowBundle: prebuiltWorkflowBundle() }, history, file.replace(/\.json$/, ''));
  });
});
