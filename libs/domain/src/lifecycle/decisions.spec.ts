import { actingRole, LIFECYCLE_DECISIONS, LifecycleDecision, mayDecide, ROLE_PRECEDENCE, whoMayDecide } from './decisions';

describe('who may decide on an invoice', () => {
  it.each([
    // seed 000: deferrals by the client-fee team, longer ones by the billing supervisor
    ['invoice.defer', ['billing-supervisor', 'client-fee-officer']],
    ['deferral.request-approval', ['client-fee-officer']],
    ['deferral.decide', ['billing-supervisor']],
    ['invoice.payment-plan', ['finance-centre', 'client-fee-officer']],
    ['invoice.credit', ['finance-centre', 'client-fee-officer']],
    ['invoice.recall', ['finance-centre']],
    // seed 000: only result-area directors waive collection of a justified invoice
    ['invoice.waive', ['result-area-director']],
    ['invoice.write-off', ['result-area-director', 'billing-supervisor']],
  ] as const)('%s: %j, widest authority first', (decision, roles) => {
    expect(whoMayDecide(decision)).toEqual(roles);
    for (const role of roles) expect(mayDecide(decision, role)).toBe(true);
    for (const role of ['caseworker', 'unit-manager', 'administrator', 'collection-agency', '']) expect(mayDecide(decision, role)).toBe(false);
  });

  it('knows every role of every decision in its precedence', () => {
    for (const roles of Object.values(LIFECYCLE_DECISIONS)) for (const role of roles) expect(ROLE_PRECEDENCE).toContain(role);
  });

  it('has someone with several roles act in the widest one that may decide', () => {
    expect(actingRole('invoice.defer', ['client-fee-officer', 'billing-supervisor'])).toBe('billing-supervisor');
    expect(actingRole('invoice.defer', ['client-fee-officer'])).toBe('client-fee-officer');
    expect(actingRole('invoice.write-off', ['billing-supervisor', 'result-area-director'])).toBe('result-area-director');
    expect(actingRole('invoice.credit', ['client-fee-officer', 'finance-centre'])).toBe('finance-centre');
    // A role that may not make this decision is passed over, not chosen.
    expect(actingRole('deferral.request-approval', ['billing-supervisor', 'client-fee-officer'])).toBe('client-fee-officer');
    expect(actingRole('invoice.waive', ['billing-supervisor', 'finance-centre'])).toBeUndefined();
    expect(actingRole('invoice.payment-plan' as LifecycleDecision, [])).toBeUndefined();
  });
});
