import { approvalDecisionRefusal, ApprovalDecisionRequest } from './approval-decision';

const decide = (more: Partial<ApprovalDecisionRequest>): ApprovalDecisionRequest => ({
  pending: { approvalId: 'a-2', requestedBy: 'officer-olli' },
  approvalId: 'a-2',
  decider: 'supervisor-sanna',
  roles: ['billing-supervisor'],
  ...more,
});

describe('approvalDecisionRefusal', () => {
  it('lets the billing supervisor decide the request that is waiting', () => {
    expect(approvalDecisionRefusal(decide({}))).toBeUndefined();
  });

  it('refuses a decision that names a request decided or withdrawn since (a stale approval id)', () => {
    expect(approvalDecisionRefusal(decide({ approvalId: 'a-1' }))).toEqual({
      kind: 'state',
      reason: 'request a-1 is not the one waiting for a decision (a-2 is): it was decided or withdrawn',
    });
    expect(approvalDecisionRefusal(decide({ pending: undefined }))).toEqual({ kind: 'state', reason: 'request a-2 is not waiting for a decision: it was decided or withdrawn' });
    expect(approvalDecisionRefusal(decide({ approvalId: '' }))?.kind).toBe('rule');
  });

  it('does not let the person who asked decide, even when they are also a supervisor', () => {
    expect(approvalDecisionRefusal(decide({ decider: 'officer-olli', roles: ['client-fee-officer', 'billing-supervisor'] }))).toEqual({
      kind: 'rule',
      reason: 'officer-olli asked for it, so another person must decide it',
    });
  });

  it('refuses anyone but the billing supervisor', () => {
    expect(approvalDecisionRefusal(decide({ roles: ['client-fee-officer'] }))).toEqual({ kind: 'rule', reason: "only billing-supervisor decides a request beyond the officer's limit" });
  });
});
