import { CLIENT_DEBITING_AREA_SQL } from '../billing-data/clients/client.queries';

/**
 * Who owns each kind of resource the invoicing routes name in their path (ADR 0004): one
 * statement per kind answering `organisation_id` and, where a unit manager's reach applies,
 * `debiting_area` (the client's: `CLIENT_DEBITING_AREA_SQL`). The platform's guard runs them
 * before the handler; a resource outside the caller's organisations, or a unit manager's
 * debiting areas, is answered 404.
 */
const OF_CLIENT = (table: string) =>
  `SELECT c.organisation_id, ${CLIENT_DEBITING_AREA_SQL} AS debiting_area
     FROM ${table} x JOIN client c ON c.id = x.client_id JOIN organisation o ON o.id = c.organisation_id WHERE x.id = $1`;

export const RESOURCE_OWNER_SQL = {
  client: `SELECT c.organisation_id, ${CLIENT_DEBITING_AREA_SQL} AS debiting_area FROM client c JOIN organisation o ON o.id = c.organisation_id WHERE c.id = $1`,
  absence: OF_CLIENT('absence'),
  registration: OF_CLIENT('registration'),
  correction: OF_CLIENT('correction'),
  'rent-contract': OF_CLIENT('rent_contract'),
  'selection-rule': 'SELECT organisation_id FROM selection_rule WHERE id = $1',
  'billing-run': 'SELECT organisation_id FROM billing_run WHERE id = $1',
  invoice: 'SELECT organisation_id FROM invoice WHERE id = $1',
  'deferral-approval': 'SELECT organisation_id FROM deferral_approval WHERE id = $1',
  payment: 'SELECT organisation_id FROM payment WHERE id = $1',
  'refund-proposal': 'SELECT organisation_id FROM refund_proposal WHERE id = $1',
} as const;
