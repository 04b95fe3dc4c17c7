import { debtClientStatus, RegisterMove, reportedMove } from './debt-client-status';

const NOTHING = { dateOfDeath: null, settingsValidTo: null, moves: [] as RegisterMove[] };
const move = (effectiveDate: string, recordedOn: string): RegisterMove => ({ effectiveDate, recordedOn });
const moved = (moves: RegisterMove[], asOf: string) => debtClientStatus({ ...NOTHING, moves }, asOf);

describe('reportedMove and the moved status', () => {
  it('is active without a death, an ended settings or a move', () => {
    expect(debtClientStatus(NOTHING, '2027-06-30')).toBe('active');
    expect(reportedMove([], '2027-06-30')).toBeNull();
  });

  it('reports a move recorded in the month it took effect on that month’s list, from its first to its last day', () => {
    expect(reportedMove([move('2027-06-01', '2027-06-01')], '2027-06-30')).toBe('2027-06-01');
    expect(reportedMove([move('2027-06-30', '2027-06-30')], '2027-06-30')).toBe('2027-06-30');
    // Told at the month end after the move only: a move in May was told at the end of May.
    expect(moved([move('2027-05-31', '2027-05-31')], '2027-05-31')).toBe('moved');
    expect(moved([move('2027-05-31', '2027-05-31')], '2027-06-30')).toBe('active');
    // February in a leap year: the month is the one of the list's date.
    expect(moved([move('2028-02-29', '2028-02-29')], '2028-02-29')).toBe('moved');
  });

  it('reports a move recorded after its month’s list on the first list made after it was recorded, with the day it took effect', () => {
    // Took effect on 10.5., the register's report recorded on 3.6.: the May list did not know it.
    const late = [move('2027-05-10', '2027-06-03')];
    expect(moved(late, '2027-05-31')).toBe('active');
    expect(reportedMove(late, '2027-06-30')).toBe('2027-05-10');
    expect(moved(late, '2027-06-30')).toBe('moved');
    expect(moved(late, '2027-07-31')).toBe('active');
    // Months late: told once, on the list of the month it was recorded in.
    const monthsLate = [move('2027-01-15', '2027-04-20')];
    expect(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'].map((asOf) => moved(monthsLate, asOf))).toEqual(['active', 'active', 'active', 'moved', 'active']);
  });

  it('puts a move recorded on a month’s last day on that month’s list, and one recorded on the first day on the next', () => {
    const onTheLastDay = [move('2027-05-20', '2027-06-30')];
    expect(reportedMove(onTheLastDay, '2027-06-30')).toBe('2027-05-20');
    expect(moved(onTheLastDay, '2027-07-31')).toBe('active');
    const onTheFirstDay = [move('2027-06-20', '2027-07-01')];
    expect(moved(onTheFirstDay, '2027-06-30')).toBe('active');
    expect(reportedMove(onTheFirstDay, '2027-07-31')).toBe('2027-06-20');
    // The month boundary across a year: recorded on 1.1., on January's list.
    expect(moved([move('2026-12-28', '2027-01-01')], '2026-12-31')).toBe('active');
    expect(reportedMove([move('2026-12-28', '2027-01-01')], '2027-01-31')).toBe('2026-12-28');
  });

  it('reports a move recorded ahead of its day once it takes effect', () => {
    const ahead = [move('2027-07-05', '2027-06-20')];
    expect(moved(ahead, '2027-06-30')).toBe('active');
    expect(reportedMove(ahead, '2027-07-31')).toBe('2027-07-05');
  });

  it('tells two moves each on its own list, and of two on one list the one that took effect last', () => {
    const two = [move('2027-06-03', '2027-07-02'), move('2027-05-10', '2027-05-12')];
    expect(reportedMove(two, '2027-05-31')).toBe('2027-05-10');
    expect(moved(two, '2027-06-30')).toBe('active');
    expect(reportedMove(two, '2027-07-31')).toBe('2027-06-03');
    // Both reach the June list (one late, one on time): the later move is the one the client made last.
    const sameList = [move('2027-06-20', '2027-06-21'), move('2027-05-15', '2027-06-25')];
    expect(reportedMove(sameList, '2027-06-30')).toBe('2027-06-20');
  });

  it('ranks a death above ended services, and both above a move', () => {
    const june = [move('2027-06-05', '2027-06-06')];
    expect(debtClientStatus({ dateOfDeath: '2027-06-10', settingsValidTo: '2027-06-10', moves: june }, '2027-06-30')).toBe('deceased');
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-10', moves: june }, '2027-06-30')).toBe('closed');
  });

  it('is not closed on the last day of the settings, only after it', () => {
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-30' }, '2027-06-30')).toBe('active');
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-29' }, '2027-06-30')).toBe('closed');
  });
});
