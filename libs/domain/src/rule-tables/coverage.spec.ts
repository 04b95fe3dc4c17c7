import { addDays } from '../dates/local-date';
import { ruleTableCoverage, endOfNextYear } from './coverage';
import { DatedRow } from './dated-table';
import { RULES_COVER_FROM, RULE_TABLES, RULE_TABLES_REVIEWED_ON } from './registry';
import { RULE_TABLE_NAMES } from './table-set';

const statutory = RULE_TABLE_NAMES.filter((name) => RULE_TABLES[name].kind === 'statutory');

describe('the shipped rule tables cover every day that can still be billed or corrected', () => {
  // The tables were reviewed on RULE_TABLES_REVIEWED_ON and must then reach the end of the next
  // year; the admin coverage view asks the same of the database's tables against today.
  it.each(statutory)('%s: from the reform date to the end of the year after the review, without a gap', (name) => {
    const coverage = ruleTableCoverage(name, RULE_TABLES[name].shipped, RULE_TABLES_REVIEWED_ON);
    expect(coverage.requiredFrom).toBe(RULES_COVER_FROM[RULE_TABLES[name].country]);
    expect(coverage.requiredTo).toBe('2027-12-31');
    expect(coverage.gaps).toEqual([]);
  });

  it('starts Finland on 1.7.2021 (the client-fee reform) and Sweden on 1.1.2021', () => {
    expect(RULES_COVER_FROM).toEqual({ FI: '2021-07-01', SE: '2021-01-01' });
    expect(statutory.filter((name) => RULE_TABLES[name].country === 'FI')).toHaveLength(5);
    expect(statutory.filter((name) => RULE_TABLES[name].country === 'SE')).toHaveLength(4);
  });

  it('ships as estimates exactly the rows docs/rules.md lists under "Figures still estimated"', () => {
    // None of the project's source documents gives STM's 2024 and 2026 notices, so these stay
    // estimates until an administrator enters the published figures; the docs list the same rows.
    const estimates = RULE_TABLE_NAMES.flatMap((name) =>
      RULE_TABLES[name].shipped.filter((row) => row.status === 'estimate').map((row) => `${name} ${row.validFrom}…${row.validTo ?? ''}`),
    );
    expect(estimates).toEqual([
      'fi-home-care-income-limits 2026-01-01…',
      'fi-personal-allowances 2024-01-01…2025-12-31',
      'fi-personal-allowances 2026-01-01…',
      'fi-reference-rates 2026-07-01…2026-12-31',
      'fi-reference-rates 2027-01-01…2027-06-30',
      'fi-reference-rates 2027-07-01…2027-12-31',
      'se-max-fees 2027-01-01…2027-12-31',
      'se-minimum-amounts 2027-01-01…2027-12-31',
      'se-special-housing-fee-caps 2027-01-01…2027-12-31',
      'se-reference-rates 2026-07-01…2026-12-31',
      'se-reference-rates 2027-01-01…2027-06-30',
      'se-reference-rates 2027-07-01…2027-12-31',
    ]);
  });

  it('marks every row that is not read from an official text, with the reason in its source', () => {
    for (const name of RULE_TABLE_NAMES) {
      for (const row of ruleTableCoverage(name, RULE_TABLES[name].shipped, RULE_TABLES_REVIEWED_ON).toConfirm) {
        expect([name, row.source.length > 40]).toEqual([name, true]);
      }
    }
  });
});

describe('ruleTableCoverage', () => {
  const row = (validFrom: string, validTo: string | null, status?: DatedRow<unknown>['status']): DatedRow<unknown> => ({
    validFrom,
    validTo,
    source: 'test',
    value: {},
    ...(status ? { status } : {}),
  });

  it('finds the days a table leaves uncovered, as seen from today', () => {
    const table = [row('2021-07-01', '2026-12-31')];
    expect(ruleTableCoverage('fi-home-care-income-limits', table, '2026-12-02').gaps).toEqual([{ from: '2027-01-01', to: '2027-12-31' }]);
    expect(ruleTableCoverage('fi-home-care-income-limits', [row('2022-01-01', null)], '2026-12-02').gaps).toEqual([{ from: '2021-07-01', to: '2021-12-31' }]);
  });

  it('lists the half-years ahead for which no reference rate is confirmed, and not the ones past', () => {
    const table = [
      row('2021-01-01', '2026-06-30'),
      row('2026-07-01', '2026-12-31', 'estimate'),
      row('2027-01-01', '2027-06-30', 'estimate'),
      row('2027-07-01', '2027-12-31', 'estimate'),
    ];
    const coverage = ruleTableCoverage('se-reference-rates', table, '2027-01-15');
    expect(coverage.unconfirmedAhead.map((r) => r.validFrom)).toEqual(['2027-01-01', '2027-07-01']);
    expect(coverage.toConfirm.map((r) => r.validFrom)).toEqual(['2026-07-01', '2027-01-01', '2027-07-01']);
    // …and from 1.1.2027 on, the year 2028 is required too.
    expect(coverage.gaps).toEqual([{ from: '2028-01-01', to: '2028-12-31' }]);
  });

  it('the shipped reference-rate tables leave 7–12/2026 and 2027 unconfirmed', () => {
    for (const name of ['fi-reference-rates', 'se-reference-rates'] as const) {
      expect(ruleTableCoverage(name, RULE_TABLES[name].shipped, RULE_TABLES_REVIEWED_ON).unconfirmedAhead.map((r) => [r.validFrom, r.validTo])).toEqual([
        ['2026-07-01', '2026-12-31'],
        ['2027-01-01', '2027-06-30'],
        ['2027-07-01', '2027-12-31'],
      ]);
    }
  });

  it('ends the required range on the last day of next year', () => {
    expect(endOfNextYear('2026-12-31')).toBe('2027-12-31');
    expect(endOfNextYear(addDays('2026-12-31', 1))).toBe('2028-12-31');
  });
});
