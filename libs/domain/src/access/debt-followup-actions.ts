import type { ActionTable } from './action-rule';

const OFFICER = 'client-fee-officer';
const SUPERVISOR = 'billing-supervisor';
const DIRECTOR = 'result-area-director';
const FINANCE = 'finance-centre';
const UNIT = 'unit-manager';
const CASEWORKER = 'caseworker';
const ADVISER = 'debt-adviser';
const DEPUTY = 'deputy-head-of-social-services';
const ADMIN = 'administrator';

/**
 * The debt-followup service (seed 004, Söderköping's debt routine; issue 13): estates of deceased
 * clients, the month-end debt review and its cases, write-off proposals, debt restructurings.
 */
export const DEBT_FOLLOWUP_ACTIONS = {
  'organisation.configure-debt-follow-up': {
    roles: [ADMIN],
    what: 'Set an organisation’s debt follow-up: who signs write-offs up to what amount, the month-end review Schedule',
  },
  'organisation.read-debt-follow-up': { roles: [ADMIN, FINANCE, OFFICER], what: 'See an organisation’s debt follow-up settings' },
  'death.report': { roles: [OFFICER, ADVISER, FINANCE], what: 'Record a client’s death with its source (starts the estate; the same death again changes nothing)' },
  'estate.read': { roles: [ADVISER, OFFICER, FINANCE], what: 'See estates of deceased clients with every step, held invoices and the agency’s estate steps' },
  'estate.investigate': {
    roles: [ADVISER, OFFICER],
    what: 'Enter the estate’s contact person and address, and the estate inventory’s outcome (FI perunkirjoitus, SE bouppteckning or dödsboanmälan)',
  },
  'debt-review.run': { roles: [FINANCE, OFFICER], what: 'Run a month end’s debt review by hand (a Schedule runs it on every month’s last day)' },
  'debt-review.read': { roles: [FINANCE, OFFICER, ADVISER], what: 'See the month-end debt reviews and their figures' },
  'debt-case.read': {
    roles: [FINANCE, OFFICER, CASEWORKER, UNIT],
    what: 'See debt cases, their letters (with invoice copies) and the caseworkers’ tasks',
    condition: 'a caseworker sees only the cases of their own clients, a unit manager those of their debiting areas',
  },
  'debt-case.handle': { roles: [OFFICER, FINANCE], what: 'Name the fee officer who works on a debt case' },
  'debt-case.assign-caseworker': { roles: [OFFICER, UNIT], what: 'Name the client’s caseworker on a debt case' },
  'caseworker-task.read': {
    roles: [CASEWORKER, UNIT, OFFICER],
    what: 'See debt cases handed to caseworkers',
    condition: 'a caseworker sees their own tasks, a unit manager those of their debiting areas',
  },
  'debt-case.work': {
    roles: [CASEWORKER],
    what: 'Contact clients with debts, offer support, report the need for a guardian (each step with its outcome)',
    condition: 'on the tasks of their own clients',
  },
  'inbox.read': {
    roles: [FINANCE, OFFICER, CASEWORKER, UNIT, SUPERVISOR, DIRECTOR, ADVISER, DEPUTY],
    what: 'See and clear the inbox: escalations, notices, reminders, the unit manager’s monthly list',
    condition: 'items to one of the caller’s roles; a unit manager’s for their debiting areas; a caseworker’s to them',
  },
  'write-off-proposal.prepare': { roles: [FINANCE], what: 'Prepare a write-off proposal with the documentation from the ledger' },
  'write-off-proposal.read': { roles: [FINANCE, OFFICER, SUPERVISOR, DIRECTOR, ADVISER], what: 'See write-off proposals, their documentation and decisions' },
  'write-off-proposal.sign': {
    roles: [SUPERVISOR, DIRECTOR],
    what: 'Sign or reject a write-off proposal (only a signed one writes invoices off)',
    condition: 'a manager of the proposal’s organisation, within the organisation’s signing limit of their role',
  },
  'debt-restructuring.record': { roles: [ADVISER, FINANCE], what: 'Record a debt restructuring decision (collection pauses; the rest is written off after five years)' },
  'debt-restructuring.read': { roles: [ADVISER, FINANCE, OFFICER], what: 'See debt restructurings and what followed them' },
  'reconciliation.read': { roles: [FINANCE, OFFICER, ADVISER], what: 'See the quarterly reconciliation of debts, write-offs, restructurings and estates' },
} as const satisfies ActionTable;
