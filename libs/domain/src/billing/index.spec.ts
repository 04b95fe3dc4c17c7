import * as domain from '../index';

describe('billing exports', () => {
  it('are reachable from the package root', () => {
    const expected = [
      'calculateHousehold',
      'correctionPermission',
      'parseBillingPeriod',
      'firstDayOfPeriod',
      'lastDayOfPeriod',
      'daysInPeriod',
      'nextPeriod',
      'previousPeriod',
      'periodOf',
      'settingsEffectiveFrom',
      'tableOf',
      'RULE_TABLE_NAMES',
    ];
    for (const name of expected) expect([name, typeof (domain as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
  });
});
