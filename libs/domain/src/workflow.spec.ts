import * as full from './index';
import * as entry from './workflow';

describe('the workflow entry point (@clientfees/domain/workflow)', () => {
  it('loads without date-holidays or moment-timezone', () => {
    jest.isolateModules(() => {
      for (const heavy of ['date-holidays', 'moment-timezone', 'moment']) {
        jest.doMock(heavy, () => {
          throw new Error(`${heavy} was loaded through the workflow entry point`);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require('./workflow') as Record<string, unknown>;
      expect(typeof isolated.decideDeferral).toBe('function');
    });
  });

  it('exports what the workflows use, the same functions as the full index', () => {
    const workflow = entry as Record<string, unknown>;
    const needed = [
      'addDays', 'BILLING_SUPERVISOR', 'CLIENT_FEE_OFFICER', 'decideDeferral', 'isDomainValidationError', 'isAfter', 'isOnOrAfter',
      'isOnOrBefore', 'localDateInZone', 'makePaymentPlan', 'mayDo', 'transitionRefusal', 'deferralLimits', 'Money', 'startOfDayInZone', 'writeOffRefusal',
      'WRITE_OFF_GROUNDS', 'nextWeeklyRunDay', 'nextMonthlyRunDay',
    ];
    for (const name of needed) expect([name, typeof workflow[name]]).not.toEqual([name, 'undefined']);
    for (const name of Object.keys(workflow)) expect([name, workflow[name]]).toEqual([name, (full as Record<string, unknown>)[name]]);
    for (const left of ['dueDate', 'closedDays', 'addBankingDays', 'invoiceTimeline', 'lateInterest']) expect(workflow[left]).toBeUndefined();
  });
});
