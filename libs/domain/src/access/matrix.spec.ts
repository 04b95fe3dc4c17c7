import { actingRole, ACCESS_MATRIX, actionRule, isAction, listActions, mayDo, whoMay } from './matrix';
import { renderAccessMatrix } from './render';
import { ROLES } from './roles';

describe('the role × action matrix (docs/domain.md §1)', () => {
  it('gives deferrals to the client-fee officer and the billing supervisor, and the approval to the supervisor alone (seed 000)', () => {
    expect(whoMay('deferral.grant')).toEqual(['client-fee-officer', 'billing-supervisor']);
    expect(whoMay('deferral.decide')).toEqual(['billing-supervisor']);
    expect(mayDo('client-fee-officer', 'deferral.decide')).toBe(false);
  });

  it('leaves the waiver to the result-area director and write-offs to the supervisor or the director', () => {
    expect(whoMay('invoice.waive')).toEqual(['result-area-director']);
    expect([...whoMay('invoice.write-off')].sort()).toEqual(['billing-supervisor', 'result-area-director']);
  });

  it('does not let an officer or the finance centre make a large credit, which is a write-off by another name', () => {
    expect(mayDo(['client-fee-officer', 'finance-centre'], 'invoice.credit')).toBe(true);
    expect(mayDo(['client-fee-officer', 'finance-centre'], 'invoice.credit-large')).toBe(false);
    expect(mayDo('billing-supervisor', 'invoice.credit-large')).toBe(true);
  });

  it('gives a caseworker no invoice, income or payment data in invoicing', () => {
    const invoicing = Object.keys(ACCESS_MATRIX.invoicing) as Array<keyof typeof ACCESS_MATRIX.invoicing>;
    expect(invoicing.filter((action) => mayDo('caseworker', action))).toEqual([]);
  });

  it('lets a unit manager register services, absences and corrections, but not incomes or invoices', () => {
    expect(mayDo('unit-manager', 'registration.record')).toBe(true);
    expect(mayDo('unit-manager', 'absence.record')).toBe(true);
    expect(mayDo('unit-manager', 'correction.make')).toBe(true);
    expect(mayDo('unit-manager', 'income.read')).toBe(false);
    expect(mayDo('unit-manager', 'invoice.read')).toBe(false);
  });

  it('keeps the administrator to organisations, rule tables and price lists', () => {
    const actions = listActions().filter((a) => a.roles.includes('administrator')).map((a) => a.action);
    expect(actions.every((a) => /^(organisation|rule-table|price-list|billing-schedule)\./.test(a))).toBe(true);
  });

  it('lets only the collection agency report on agency cases', () => {
    expect(whoMay('agency-report.submit')).toEqual(['collection-agency']);
  });

  it('names only known roles, each action once, with a description', () => {
    for (const { action, roles, what, service } of listActions()) {
      expect(isAction(action)).toBe(true);
      expect(roles.length).toBeGreaterThan(0);
      expect(roles.every((role) => (ROLES as readonly string[]).includes(role))).toBe(true);
      expect(what.length).toBeGreaterThan(10);
      expect(Object.keys(ACCESS_MATRIX)).toContain(service);
    }
    expect(isAction('invoice.teleport')).toBe(false);
    expect(() => actionRule('invoice.teleport' as never)).toThrow(/unknown action/);
  });

  it('acts in the most senior role that may take the action', () => {
    expect(actingRole(['client-fee-officer', 'billing-supervisor'], 'deferral.grant')).toBe('billing-supervisor');
    expect(actingRole(['client-fee-officer', 'finance-centre'], 'invoice.credit')).toBe('client-fee-officer');
    expect(actingRole(['finance-centre'], 'deferral.grant')).toBeUndefined();
  });

  it('renders every action and every role into the Markdown of docs/security.md', () => {
    const markdown = renderAccessMatrix();
    for (const { action } of listActions()) expect(markdown).toContain(`| \`${action}\` |`);
    for (const role of ROLES) expect(markdown).toContain(`\`${role}\``);
    // A conditional permission is marked, and the condition is written out.
    expect(markdown).toMatch(/\| `billing-run\.approve` \| ✓\* \| ✓\* \|.*not by the person who started the run/);
  });
});
