import { caseworkerStepProblem, caseworkerTaskDone, CASEWORKER_STEPS } from './caseworker-task';

describe('caseworker task of a debt case (seed 004)', () => {
  it('has the contact, the offer of support and the guardianship consideration', () => {
    expect(CASEWORKER_STEPS).toEqual(['contact', 'support', 'guardianship']);
  });

  it('checks each step’s outcome', () => {
    expect(caseworkerStepProblem('contact', 'reached', undefined)).toBeUndefined();
    expect(caseworkerStepProblem('visit', 'reached', undefined)).toEqual({ field: 'step', reason: 'is one of contact, support, guardianship' });
    expect(caseworkerStepProblem('support', 'reached', undefined)).toEqual({ field: 'outcome', reason: 'a support step ends accepted, declined, not-needed' });
    expect(caseworkerStepProblem('guardianship', 'reported', ' ')).toEqual({ field: 'note', reason: 'say why the client needs a guardian' });
    expect(caseworkerStepProblem('guardianship', 'reported', 'cannot manage money, no relatives')).toBeUndefined();
  });

  it('is done when every step has an outcome and the client was reached', () => {
    const steps = [
      { step: 'contact', outcome: 'not-reached' },
      { step: 'support', outcome: 'not-needed' },
      { step: 'guardianship', outcome: 'considered-not-needed' },
    ];
    expect(caseworkerTaskDone(steps.slice(0, 2))).toBe(false);
    expect(caseworkerTaskDone(steps)).toBe(false);
    expect(caseworkerTaskDone([...steps, { step: 'contact', outcome: 'reached' }])).toBe(true);
  });
});
