import { DatedRow } from './dated-table';
import { shippedRowsAround } from './reconcile';

const row = (validFrom: string, validTo: string | null, value: number): DatedRow<number> => ({ validFrom, validTo, source: 'shipped', value });

describe('shippedRowsAround', () => {
  const shipped = [row('2022-01-01', '2023-12-31', 1), row('2024-01-01', '2025-12-31', 2), row('2026-01-01', null, 3)];

  it('keeps every shipped row when nothing is taken', () => {
    expect(shippedRowsAround(shipped, [])).toEqual(shipped);
  });

  it('leaves out a period an administrator corrected and keeps the ones around it', () => {
    expect(shippedRowsAround(shipped, [{ validFrom: '2024-01-01', validTo: '2025-12-31' }])).toEqual([row('2022-01-01', '2023-12-31', 1), row('2026-01-01', null, 3)]);
  });

  it('ends the open shipped row the day before an administrator’s next period', () => {
    expect(shippedRowsAround(shipped, [{ validFrom: '2027-01-01', validTo: null }]).at(-1)).toEqual(row('2026-01-01', '2026-12-31', 3));
  });

  it('splits a shipped row around an administrator’s period inside it', () => {
    expect(shippedRowsAround([row('2022-01-01', '2023-12-31', 1)], [{ validFrom: '2022-07-01', validTo: '2022-12-31' }])).toEqual([
      row('2022-01-01', '2022-06-30', 1),
      row('2023-01-01', '2023-12-31', 1),
    ]);
  });

  it('drops a shipped row an open administrator period covers entirely', () => {
    expect(shippedRowsAround(shipped, [{ validFrom: '2021-07-01', validTo: null }])).toEqual([]);
  });
});
