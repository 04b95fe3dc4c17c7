import { applicationDecisionRefusal, missingAttachments, submissionRefusal } from './provider-application';

describe('deciding a provider’s application (seed 003 §1.3, §2.2)', () => {
  it('approves a submitted application from a date, with grounds', () => {
    expect(applicationDecisionRefusal('submitted', { decision: 'approve', grounds: 'meets the rule book', approvedFrom: '2016-02-01' })).toBeUndefined();
  });

  it('needs grounds for every decision and a start date for an approval', () => {
    expect(applicationDecisionRefusal('submitted', { decision: 'reject', grounds: ' ' })).toEqual({ kind: 'rule', reason: 'a decision on an application states its grounds' });
    expect(applicationDecisionRefusal('submitted', { decision: 'approve', grounds: 'ok' })?.reason).toMatch(/approvedFrom/);
    expect(applicationDecisionRefusal('submitted', { decision: 'approve', grounds: 'ok', approvedFrom: '2016-02-30' })?.reason).toBe('approvedFrom must be a date YYYY-MM-DD');
  });

  it('decides only a submitted application', () => {
    expect(applicationDecisionRefusal('changes-requested', { decision: 'reject', grounds: 'x' })).toEqual({ kind: 'state', reason: 'the application is changes-requested; only a submitted application is decided' });
  });
});

describe('sending an application', () => {
  const required = [
    { kind: 'trade-register-extract', level: 'company' as const },
    { kind: 'self-monitoring-plan', level: 'unit' as const },
  ];

  it('lists the company’s and each unit’s missing mandatory attachments', () => {
    const provided = [{ kind: 'self-monitoring-plan', unitId: 'u1' }];
    expect(missingAttachments(required, provided, ['u1', 'u2'])).toEqual(['trade-register-extract', 'self-monitoring-plan (unit u2)']);
    expect(submissionRefusal('draft', missingAttachments(required, provided, ['u1', 'u2']), ['u1', 'u2'])?.reason).toBe(
      'mandatory attachments are missing: trade-register-extract, self-monitoring-plan (unit u2)',
    );
  });

  it('sends a complete draft and a returned application, nothing else', () => {
    expect(submissionRefusal('draft', [], ['u1'])).toBeUndefined();
    expect(submissionRefusal('changes-requested', [], ['u1'])).toBeUndefined();
    expect(submissionRefusal('submitted', [], ['u1'])?.kind).toBe('state');
    expect(submissionRefusal('draft', [], [])?.reason).toBe('the application names at least one unit that provides the service');
  });
});
