import { chooseInterruptionRule, InterruptionRule, KOUVOLA_2016_INTERRUPTION_RULE, splitInterruption, validateInterruptionRule } from './interruption-rule';

const percents = (start: string, end: string, options?: { returned?: boolean }) =>
  splitInterruption(start, end, KOUVOLA_2016_INTERRUPTION_RULE, options).days.map((day) => `${day.date.slice(5)} ${day.percent}`);

describe('the Kouvola interruption rule (seed 003 §4.3.5.1)', () => {
  it('splits the seed example: departure 2.7., return 17.7. → 12 days at 100 %, 4 at 0 %', () => {
    const split = splitInterruption('2015-07-02', '2015-07-17');
    expect([split.compensatedDays, split.uncompensatedDays]).toEqual([12, 4]);
    expect(split.days[0]).toEqual({ date: '2015-07-02', dayNumber: 0, kind: 'departure', percent: 100 });
    expect(split.days.slice(1, 11).every((day) => day.kind === 'away' && day.percent === 100)).toBe(true);
    expect(split.days[10]).toEqual({ date: '2015-07-12', dayNumber: 10, kind: 'away', percent: 100 });
    expect(split.days.slice(11, 15).map((day) => [day.date, day.percent])).toEqual([
      ['2015-07-13', 0],
      ['2015-07-14', 0],
      ['2015-07-15', 0],
      ['2015-07-16', 0],
    ]);
    expect(split.days[15]).toEqual({ date: '2015-07-17', dayNumber: 15, kind: 'return', percent: 100 });
  });

  it('runs across a month end: 5.11.–8.12. (§4.3.5.4) pays 5.-15.11. and the return day 8.12.', () => {
    const split = splitInterruption('2015-11-05', '2015-12-08');
    expect(split.days).toHaveLength(34);
    expect([split.compensatedDays, split.uncompensatedDays]).toEqual([12, 22]);
    expect(split.days.filter((day) => day.percent === 100).map((day) => day.date)).toEqual([
      '2015-11-05', '2015-11-06', '2015-11-07', '2015-11-08', '2015-11-09', '2015-11-10',
      '2015-11-11', '2015-11-12', '2015-11-13', '2015-11-14', '2015-11-15', '2015-12-08',
    ]);
  });

  it('runs across a year end: 24.12.2016 → 10.1.2017', () => {
    expect(percents('2016-12-24', '2017-01-10')).toEqual([
      '12-24 100', '12-25 100', '12-26 100', '12-27 100', '12-28 100', '12-29 100', '12-30 100', '12-31 100',
      '01-01 100', '01-02 100', '01-03 100', '01-04 0', '01-05 0', '01-06 0', '01-07 0', '01-08 0', '01-09 0', '01-10 100',
    ]);
  });

  it('counts the end date of a client who never returns (§4.3.5.5) by its day number, not as a return day', () => {
    const split = splitInterruption('2015-07-02', '2015-07-20', KOUVOLA_2016_INTERRUPTION_RULE, { returned: false });
    expect([split.compensatedDays, split.uncompensatedDays]).toEqual([11, 8]);
    expect(split.days.at(-1)).toEqual({ date: '2015-07-20', dayNumber: 18, kind: 'away', percent: 0 });
    // Told within the first ten days, the provider is paid for every day up to then.
    expect(splitInterruption('2015-07-02', '2015-07-06', KOUVOLA_2016_INTERRUPTION_RULE, { returned: false }).uncompensatedDays).toBe(0);
  });

  it.each([
    // days from departure to return, both included → [compensated, uncompensated]
    [1, '2016-03-01', [1, 0]],
    [10, '2016-03-10', [10, 0]],
    [11, '2016-03-11', [11, 0]],
    [12, '2016-03-12', [12, 0]],
    [13, '2016-03-13', [12, 1]],
  ])('an interruption of %i day(s) from 1.3.2016', (_days, end, expected) => {
    const split = splitInterruption('2016-03-01', end as string);
    expect([split.compensatedDays, split.uncompensatedDays]).toEqual(expected);
  });

  it('pays a same-day departure and return as a day in the unit', () => {
    expect(splitInterruption('2016-03-01', '2016-03-01').days).toEqual([{ date: '2016-03-01', dayNumber: 0, kind: 'departure-and-return', percent: 100 }]);
  });

  it('refuses an end before the start', () => {
    expect(() => splitInterruption('2015-07-17', '2015-07-02')).toThrow('end: must not be before the start (2015-07-17)');
  });
});

describe('interruption rules as dated data per service and reason', () => {
  const rule = (over: Partial<InterruptionRule>): InterruptionRule => ({ ...KOUVOLA_2016_INTERRUPTION_RULE, ...over });
  const holidayHalf = rule({ validFrom: '2017-01-01', reason: 'holiday', bands: [{ fromDay: 0, toDay: 6, percent: 50 }, { fromDay: 7, toDay: null, percent: 0 }] });
  const housing2018 = rule({ validFrom: '2018-01-01', serviceCode: 'SERVICE-HOUSING', bands: [{ fromDay: 0, toDay: 4, percent: 100 }, { fromDay: 5, toDay: null, percent: 0 }] });
  const housingHospital = rule({ validFrom: '2017-06-01', serviceCode: 'SERVICE-HOUSING', reason: 'hospital', bands: [{ fromDay: 0, toDay: 14, percent: 100 }, { fromDay: 15, toDay: null, percent: 0 }] });
  const rules = [holidayHalf, housing2018, housingHospital];

  it('takes the default when the organisation has no rule of its own', () => {
    expect(chooseInterruptionRule([], { serviceCode: 'SERVICE-HOUSING', reason: 'hospital', startDate: '2016-05-01' })).toBe(KOUVOLA_2016_INTERRUPTION_RULE);
  });

  it('prefers the rule for the service and reason, then the service, then the reason', () => {
    expect(chooseInterruptionRule(rules, { serviceCode: 'SERVICE-HOUSING', reason: 'hospital', startDate: '2018-02-01' })).toBe(housingHospital);
    expect(chooseInterruptionRule(rules, { serviceCode: 'SERVICE-HOUSING', reason: 'holiday', startDate: '2018-02-01' })).toBe(housing2018);
    expect(chooseInterruptionRule(rules, { serviceCode: 'ENHANCED-HOUSING', reason: 'holiday', startDate: '2018-02-01' })).toBe(holidayHalf);
  });

  it('chooses by the start date: a rule that starts later does not apply yet', () => {
    expect(chooseInterruptionRule(rules, { serviceCode: 'SERVICE-HOUSING', reason: 'holiday', startDate: '2017-12-31' })).toBe(holidayHalf);
    expect(chooseInterruptionRule(rules, { serviceCode: 'SERVICE-HOUSING', reason: 'other', startDate: '2017-12-31' })).toBe(KOUVOLA_2016_INTERRUPTION_RULE);
  });

  it('takes the latest version of the same rule', () => {
    const later = rule({ validFrom: '2019-01-01', reason: 'holiday', returnDayPercent: 50 });
    expect(chooseInterruptionRule([holidayHalf, later], { serviceCode: 'X', reason: 'holiday', startDate: '2019-03-01' })).toBe(later);
    expect(splitInterruption('2019-03-01', '2019-03-03', later).days.map((day) => day.percent)).toEqual([100, 100, 50]);
  });

  it('applies partial percentages', () => {
    expect(splitInterruption('2017-03-01', '2017-03-10', holidayHalf).days.map((day) => day.percent)).toEqual([50, 50, 50, 50, 50, 50, 50, 0, 0, 100]);
  });

  it('refuses rules with gaps, without an open-ended last band or with impossible percentages', () => {
    expect(() => validateInterruptionRule(rule({ bands: [{ fromDay: 0, toDay: 10, percent: 100 }, { fromDay: 12, toDay: null, percent: 0 }] }))).toThrow(
      'bands.1.fromDay: must be 11: the bands run on from day 0 without gaps',
    );
    expect(() => validateInterruptionRule(rule({ bands: [{ fromDay: 0, toDay: 10, percent: 100 }] }))).toThrow('bands.0.toDay: the last band must be open-ended');
    expect(() => validateInterruptionRule(rule({ returnDayPercent: 120 }))).toThrow('returnDayPercent: must be between 0 and 100');
    expect(() => validateInterruptionRule(rule({ reason: 'sick' as never }))).toThrow('reason: must be one of hospital, holiday, other or null');
    expect(validateInterruptionRule(KOUVOLA_2016_INTERRUPTION_RULE)).toEqual(KOUVOLA_2016_INTERRUPTION_RULE);
  });
});
