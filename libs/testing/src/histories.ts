import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the replay test (workflows/test/replay.spec.ts) finds the recorded histories. */
export const WORKFLOW_HISTORIES_DIR = path.resolve(__dirname, '..', '..', '..', 'workflows', 'test', 'histories');

/**
 * `RECORD_HISTORIES=1` keeps a finished run's history as `<name>.json` under
 * workflows/test/histories, where the replay test checks that later versions of the workflow
 * still replay it. A recorded history is never replaced: the old shapes are what replay must
 * keep honouring.
 */
export function keepWorkflowHistory(address: string, workflowId: string, name: string): void {
  const file = path.join(WORKFLOW_HISTORIES_DIR, `${name}.json`);
  if (process.env.RECORD_HISTORIES !== '1' || existsSync(file)) return;
  // The Temporal CLI writes the canonical JSON form that historyFromJSON and the UI read.
  const json = execFileSync(process.env.TEMPORAL_CLI ?? 'temporal', ['workflow', 'show', '--address', address, '--workflow-id', workflowId, '--output', 'json']);
  writeFileSync(file, json);
}
