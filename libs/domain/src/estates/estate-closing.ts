/**
 * When an estate case closes (issue 13): every debt of the deceased client is paid, written off
 * or returned by the agency — credited and waived invoices owe nothing either.
 */
export const ESTATE_SETTLED_STATES = ['paid', 'credited', 'waived', 'written-off', 'returned'] as const;

export function estateDebtsSettled(invoices: ReadonlyArray<{ readonly state: string }>): boolean {
  return invoices.every((invoice) => (ESTATE_SETTLED_STATES as readonly string[]).includes(invoice.state));
}
