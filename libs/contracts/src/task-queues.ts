/**
 * Task queues. Every workflow runs on the workflow worker's queue; each service runs its own
 * activities on a queue named after the service, so a workflow says whose work an activity is.
 */
export const TaskQueues = {
  workflows: 'clientfees-workflows',
  incomeVerification: 'income-verification',
  invoicing: 'invoicing',
  providerSettlement: 'provider-settlement',
  collection: 'collection',
  debtFollowup: 'debt-followup',
} as const;

export type ServiceName = Exclude<(typeof TaskQueues)[keyof typeof TaskQueues], typeof TaskQueues.workflows>;

export const SERVICE_NAMES: readonly ServiceName[] = [
  TaskQueues.incomeVerification,
  TaskQueues.invoicing,
  TaskQueues.providerSettlement,
  TaskQueues.collection,
  TaskQueues.debtFollowup,
];
