/**
 * Who owns each kind of resource the collection routes name in their path (ADR 0004): one
 * statement per kind answering `organisation_id`. An agency case is named by its invoice's id.
 */
export const RESOURCE_OWNER_SQL = {
  'agency-case': 'SELECT organisation_id FROM agency_case WHERE invoice_id = $1',
} as const;
