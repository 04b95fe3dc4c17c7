import { DomainValidationError } from '../errors';
import { DatedRow, appendPeriod, coverageGaps, ruleFor, rowsToCheck, statusOf, validateDatedTable } from './dated-table';

const row = (validFrom: string, validTo: string | null, value: number, source = 'test decree'): DatedRow<number> => ({ validFrom, validTo, source, value });

describe('ruleFor', () => {
  const table = validateDatedTable([row('2024-01-01', '2024-12-31', 1), row('2025-01-01', null, 2)]);

  it('finds the row valid on a date, both end dates included', () => {
    expect(ruleFor(table, '2024-01-01').value).toBe(1);
    expect(ruleFor(table, '2024-12-31').value).toBe(1);
    expect(ruleFor(table, '2025-01-01').value).toBe(2);
    expect(ruleFor(table, '2099-06-30').value).toBe(2);
  });

  it('refuses a date before the first row with "no rule for <date>"', () => {
    expect(() => ruleFor(table, '2023-12-31')).toThrow(DomainValidationError);
    expect(() => ruleFor(table, '2023-12-31')).toThrow('date: no rule for 2023-12-31');
  });

  it('refuses a date after a closed last row and names the table and field', () => {
    const closed = validateDatedTable([row('2024-01-01', '2024-12-31', 1)]);
    expect(() => ruleFor(closed, '2025-01-01', { field: 'invoiceDate', table: 'test limits' })).toThrow(
      'invoiceDate: no rule for 2025-01-01 in test limits: the table covers 2024-01-01 … 2024-12-31',
    );
    expect(() => ruleFor(validateDatedTable<number>([]), '2025-01-01')).toThrow(/the table is empty/);
  });

  it('refuses a malformed date', () => {
    expect(() => ruleFor(table, '1.1.2024')).toThrow(/date: must be a date/);
  });
});

describe('validateDatedTable', () => {
  it('sorts and freezes the rows', () => {
    const table = validateDatedTable([row('2025-01-01', null, 2), row('2024-01-01', '2024-12-31', 1)]);
    expect(table.map((r) => r.value)).toEqual([1, 2]);
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table[0])).toBe(true);
  });

  it('rejects overlapping periods with the periods in the reason', () => {
    expect(() => validateDatedTable([row('2024-01-01', '2024-12-31', 1), row('2024-12-31', null, 2)])).toThrow(
      'rows: overlaps: 2024-01-01 … 2024-12-31 and 2024-12-31 … onwards',
    );
    expect(() => validateDatedTable([row('2024-01-01', null, 1), row('2025-01-01', null, 2)])).toThrow(/overlaps: the period from 2024-01-01 is open-ended/);
  });

  it('rejects a gap with the missing days in the reason', () => {
    expect(() => validateDatedTable([row('2024-01-01', '2024-11-30', 1), row('2025-01-01', null, 2)])).toThrow(
      'rows: has a gap: no rule from 2024-12-01 to 2024-12-31',
    );
  });

  it('rejects a period that ends before it starts, a bad date and a missing source', () => {
    expect(() => validateDatedTable([row('2024-02-01', '2024-01-31', 1)])).toThrow('rows.0.validTo: must not be before validFrom (2024-02-01)');
    expect(() => validateDatedTable([row('2024-02-30', null, 1)])).toThrow(/rows.0.validFrom/);
    expect(() => validateDatedTable([row('2024-01-01', null, 1, ' ')])).toThrow('rows.0.source: must cite where the value comes from');
  });
});

describe('validateDatedTable on a table it returned', () => {
  it('returns that table as it is, and still checks a copy', () => {
    const table = validateDatedTable([
      { validFrom: '2024-01-01', validTo: '2024-12-31', source: 'a', value: 1 },
      { validFrom: '2025-01-01', validTo: null, source: 'b', value: 2 },
    ]);
    expect(validateDatedTable(table)).toBe(table);
    expect(Object.isFrozen(table) && table.every((row) => Object.isFrozen(row))).toBe(true);
    expect(() => validateDatedTable([...table, { validFrom: '2026-01-01', validTo: null, source: 'c', value: 3 }])).toThrow(/overlaps/);
  });
});

describe('appendPeriod', () => {
  it('closes the open period the day before the new one starts', () => {
    const table = appendPeriod(validateDatedTable([row('2024-01-01', null, 1)]), row('2026-01-01', null, 2));
    expect(table).toEqual([row('2024-01-01', '2025-12-31', 1), row('2026-01-01', null, 2)]);
    expect(ruleFor(table, '2025-12-31').value).toBe(1);
    expect(ruleFor(table, '2026-01-01').value).toBe(2);
  });

  it('appends right after a closed period and starts an empty table', () => {
    expect(appendPeriod(validateDatedTable([row('2024-01-01', '2024-12-31', 1)]), row('2025-01-01', '2025-12-31', 2))).toHaveLength(2);
    expect(appendPeriod<number>([], row('2024-01-01', null, 1))).toEqual([row('2024-01-01', null, 1)]);
  });

  it('rejects a period starting on or before the last one, or inside a closed period', () => {
    const open = validateDatedTable([row('2024-01-01', null, 1)]);
    expect(() => appendPeriod(open, row('2024-01-01', null, 2))).toThrow(/overlaps: a new period must start after the last one \(2024-01-01\)/);
    expect(() => appendPeriod(open, row('2023-06-01', null, 2))).toThrow(/overlaps/);
    const closed = validateDatedTable([row('2024-01-01', '2024-12-31', 1)]);
    expect(() => appendPeriod(closed, row('2024-07-01', null, 2))).toThrow('validFrom: overlaps the period 2024-01-01 … 2024-12-31');
  });

  it('rejects a period that would leave a gap after a closed one', () => {
    const closed = validateDatedTable([row('2024-01-01', '2024-12-31', 1)]);
    expect(() => appendPeriod(closed, row('2025-02-01', null, 2))).toThrow('rows: has a gap: no rule from 2025-01-01 to 2025-01-31');
  });
});

describe('rowsToCheck', () => {
  it('lists the rows that are not confirmed; a row without a status is an administrator’s confirmed entry', () => {
    const table = validateDatedTable([
      row('2023-01-01', '2023-12-31', 0, 'decree'),
      { ...row('2024-01-01', '2024-12-31', 1, 'county table'), status: 'check' as const },
      { ...row('2025-01-01', null, 2, 'index review'), status: 'estimate' as const },
    ]);
    expect(rowsToCheck(table).map((r) => [r.value, statusOf(r)])).toEqual([
      [1, 'check'],
      [2, 'estimate'],
    ]);
    expect(statusOf(table[0])).toBe('confirmed');
  });

  it('refuses an unknown status', () => {
    expect(() => validateDatedTable([{ ...row('2024-01-01', null, 1), status: 'probably' as never }])).toThrow('rows.0.status: must be one of confirmed, check, estimate');
  });
});

describe('coverageGaps', () => {
  const table = validateDatedTable([row('2022-01-01', '2022-12-31', 1), row('2023-01-01', '2023-12-31', 2)]);

  it('finds nothing when every day is covered, both ends included', () => {
    expect(coverageGaps(table, '2022-01-01', '2023-12-31')).toEqual([]);
    expect(coverageGaps(validateDatedTable([row('2022-01-01', null, 1)]), '2022-01-01', '2099-12-31')).toEqual([]);
  });

  it('names the days before the first row and after a closed last row', () => {
    expect(coverageGaps(table, '2021-07-01', '2024-06-30')).toEqual([
      { from: '2021-07-01', to: '2021-12-31' },
      { from: '2024-01-01', to: '2024-06-30' },
    ]);
    expect(coverageGaps([], '2024-01-01', '2024-01-31')).toEqual([{ from: '2024-01-01', to: '2024-01-31' }]);
    expect(coverageGaps(table, '2025-01-01', '2025-01-01')).toEqual([{ from: '2025-01-01', to: '2025-01-01' }]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => coverageGaps(table, '2024-01-02', '2024-01-01')).toThrow('to: must not be before from (2024-01-02)');
  });
});
