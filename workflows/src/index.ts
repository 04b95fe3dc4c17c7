export { workflowBundleOptions } from './bundle';
export { createWorkflowWorker } from './worker/workflow-worker';
