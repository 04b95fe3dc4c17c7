import * as contracts from '@clientfees/contracts';
import type { WorkflowDefinition } from '@clientfees/contracts';
import * as workflows from '../src/workflows';

const definitions = (Object.entries(contracts) as Array<[string, unknown]>).filter(
  (entry): entry is [string, WorkflowDefinition<unknown[], unknown>] =>
    typeof entry[1] === 'object' && entry[1] !== null && 'workflowType' in entry[1] && 'taskQueue' in entry[1],
);

/**
 * Services start workflows and Schedules by the definitions in libs/contracts; the worker
 * registers the functions exported from src/workflows by their names. A definition whose name
 * the worker does not export would start workflows that no worker ever runs.
 */
describe('workflow definitions in libs/contracts', () => {
  it('are one for every workflow the worker registers, and only those', () => {
    const registered = Object.entries(workflows).filter(([, value]) => typeof value === 'function').map(([name]) => name);
    expect(registered.length).toBeGreaterThan(0);
    expect(definitions.map(([, definition]) => definition.workflowType).sort()).toEqual(registered.sort());
  });

  it.each(definitions)('%s names a workflow the worker registers, on the workflow queue', (_name, definition) => {
    expect(typeof (workflows as Record<string, unknown>)[definition.workflowType]).toBe('function');
    expect(definition.taskQueue).toBe(contracts.TaskQueues.workflows);
  });
});
