import type { ActionTable } from './action-rule';

const OFFICER = 'client-fee-officer';
const SUPERVISOR = 'billing-supervisor';
const DIRECTOR = 'result-area-director';
const FINANCE = 'finance-centre';
const UNIT = 'unit-manager';
const ADMIN = 'administrator';

/**
 * The invoicing service: organisations, billing data, billing runs, invoices and the decisions on
 * them, payments (docs/domain.md §1 and §3-§4; seed 000 for the limits, seed 002 for billing).
 */
export const INVOICING_ACTIONS = {
  'organisation.read': { roles: [ADMIN, FINANCE, SUPERVISOR, OFFICER, DIRECTOR], what: 'See an organisation and its payment terms' },
  'organisation.configure': {
    roles: [ADMIN],
    what: 'Set up an organisation and change its terms',
    condition: 'limits capped at the statutory and policy maxima; every change keeps the previous terms and who changed them',
  },
  'rule-table.read': { roles: [ADMIN, OFFICER, SUPERVISOR, FINANCE], what: 'See the dated rule tables (fee tables, reference rates)' },
  'rule-table.amend': { roles: [ADMIN], what: 'Add a period to a rule table' },

  'client.read': { roles: [OFFICER, SUPERVISOR, FINANCE, UNIT], what: 'See clients (with identity codes: every read is audited)' },
  'client.maintain': { roles: [OFFICER, SUPERVISOR], what: 'Add and correct clients, spouses, billing settings, decided services and rent contracts' },
  'income.read': { roles: [OFFICER, SUPERVISOR], what: 'See a client’s incomes (every read is audited)' },
  'income.record': { roles: [OFFICER, SUPERVISOR], what: 'Record a client’s income' },
  'billing-data.read': { roles: [OFFICER, SUPERVISOR, FINANCE, UNIT], what: 'See billing settings, decided services, registrations, absences, rent contracts, corrections, price lists and selections' },
  'registration.record': { roles: [UNIT, OFFICER, SUPERVISOR], what: 'Register performed services and change their quantities' },
  'absence.record': { roles: [UNIT, OFFICER, SUPERVISOR], what: 'Register, watch and close absences' },
  'correction.make': {
    roles: [UNIT, OFFICER, SUPERVISOR],
    what: 'Enter a fee correction',
    condition: 'a unit manager corrects piece-priced items only; what can affect the maximum fee is the billing team’s',
  },
  'correction.retract': { roles: [OFFICER, SUPERVISOR], what: 'Retract a correction not yet billed (a new record; nothing is deleted)' },
  'price-list.maintain': { roles: [OFFICER, SUPERVISOR, ADMIN], what: 'Add price-list items' },
  'selection-rule.maintain': { roles: [OFFICER, SUPERVISOR], what: 'Save a billing selection (debiting areas)' },

  'billing-run.read': { roles: [OFFICER, SUPERVISOR, FINANCE], what: 'See billing runs, their error lists and journals' },
  'billing-run.start': { roles: [OFFICER, SUPERVISOR], what: 'Start a billing run or remake credited invoices' },
  'billing-run.recalculate': { roles: [OFFICER, SUPERVISOR], what: 'Recalculate a client or the whole selection after a fix' },
  'billing-run.review-journal': { roles: [OFFICER, SUPERVISOR], what: 'Mark a billing run’s journal reviewed (an explicit act, recorded with its reviewer)' },
  'billing-run.approve': {
    roles: [OFFICER, SUPERVISOR],
    what: 'Approve a billing run: the period locks and the invoices are made',
    condition: 'the journal reviewed first; not by the person who started the run or last changed its data (four eyes)',
  },
  'billing-run.cancel': { roles: [OFFICER, SUPERVISOR], what: 'Cancel a billing run before approval' },
  'billing-schedule.configure': { roles: [SUPERVISOR, ADMIN], what: 'Set a selection’s billing day and correction-run Schedules' },

  'invoice.read': { roles: [FINANCE, OFFICER, SUPERVISOR, DIRECTOR], what: 'See invoices, their rows, explanations and history' },
  'invoice.issue': { roles: [FINANCE, OFFICER], what: 'Issue a single invoice outside a billing run' },
  'invoice.recall': { roles: [FINANCE], what: 'Recall an invoice transferred to the agency by mistake (no collection costs)' },
  'invoice.credit': {
    roles: [FINANCE, OFFICER, SUPERVISOR, DIRECTOR],
    what: 'Credit part of an invoice (credit note)',
    condition: 'the whole open amount of an overdue, reminded or at-agency invoice, or more than the organisation’s threshold, is a large credit',
  },
  'invoice.credit-large': {
    roles: [SUPERVISOR, DIRECTOR],
    what: 'Credit the whole open amount of an overdue, reminded or at-agency invoice, or more than the organisation’s threshold',
    condition: 'grounds from a fixed list',
  },
  'invoice.waive': { roles: [DIRECTOR], what: 'Waive collection of a justified invoice', condition: 'grounds required' },
  'invoice.write-off': { roles: [SUPERVISOR, DIRECTOR], what: 'Write an unpaid invoice off (credit loss)', condition: 'grounds from a fixed list' },
  'deferral.read': { roles: [SUPERVISOR, OFFICER], what: 'See the deferral approvals waiting' },
  'deferral.grant': {
    roles: [OFFICER, SUPERVISOR],
    what: 'Move an invoice’s due date',
    condition: 'officer up to 3 months after the original due date, supervisor up to 12 (organisation limits never above these)',
  },
  'deferral.request': { roles: [OFFICER], what: 'Ask the billing supervisor to approve a deferral or a payment plan beyond the officer’s limit' },
  'deferral.decide': {
    roles: [SUPERVISOR],
    what: 'Approve or deny a deferral or payment plan waiting for approval',
    condition: 'not the person who asked; the decision names the request it decides',
  },
  'payment-plan.make': {
    roles: [OFFICER, SUPERVISOR],
    what: 'Agree a payment plan for an invoice',
    condition: 'the last instalment within the role’s deferral limit from the original due date; a longer plan goes to the supervisor for approval',
  },
  'fee-reduction.record': { roles: [OFFICER], what: 'Record a § 11 fee-reduction decision (pauses collection of the client’s invoices)' },

  'payment.read': { roles: [FINANCE, OFFICER, SUPERVISOR], what: 'See payments, the unmatched queue, credit balances and refund proposals' },
  'payment.record': { roles: [FINANCE], what: 'Record a payment or import a bank file (camt.054)' },
  'payment.allocate': { roles: [FINANCE], what: 'Allocate an unmatched payment to an invoice' },
  'refund.approve': {
    roles: [FINANCE, SUPERVISOR],
    what: 'Approve a refund of a credit balance',
    condition: 'not the person who recorded or allocated the payment that made the balance',
  },
} as const satisfies ActionTable;
