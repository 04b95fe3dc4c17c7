import { refusalOf } from '../internal/refusal';
import { closingConflict, daysOpen, isWatchDue, newAbsence, overlappingAbsence, RecordedAbsence, watchConflict } from './absence-register';

const absence = (id: string, firstDay: string, lastDay: string | null, kind: 'planned' | 'unplanned' = 'unplanned'): RecordedAbsence => ({
  id,
  kind,
  firstDay,
  lastDay,
  watchOn: lastDay === null ? '2027-01-24' : null,
});

const refusedField = (action: () => unknown) => refusalOf(action).field;

describe('newAbsence', () => {
  it('watches an open-ended absence from two weeks after its first day, or from the day asked', () => {
    expect(newAbsence({ kind: 'unplanned', notifiedOn: null, firstDay: '2027-01-10', lastDay: null, watchOn: null }).watchOn).toBe('2027-01-24');
    expect(newAbsence({ kind: 'unplanned', notifiedOn: null, firstDay: '2027-01-10', lastDay: null, watchOn: '2027-01-12' }).watchOn).toBe('2027-01-12');
    // With a last day there is nothing to close, so nothing to watch.
    expect(newAbsence({ kind: 'planned', notifiedOn: '2027-01-03', firstDay: '2027-01-10', lastDay: '2027-01-23', watchOn: null }).watchOn).toBeNull();
  });

  it.each([
    ['a planned absence without the day the client notified', { kind: 'planned', notifiedOn: null, lastDay: '2027-01-23' }, 'notifiedOn'],
    ['a last day before the first', { lastDay: '2027-01-09' }, 'lastDay'],
    ['a watch on an absence that has a last day', { lastDay: '2027-01-23', watchOn: '2027-01-20' }, 'watchOn'],
    ['a watch before the absence begins', { watchOn: '2027-01-09' }, 'watchOn'],
  ] as const)('refuses %s, naming the field', (_what, overrides, field) => {
    const input = { kind: 'unplanned' as const, notifiedOn: null, firstDay: '2027-01-10', lastDay: null, watchOn: null, ...overrides };
    expect(refusedField(() => newAbsence(input))).toBe(field);
  });
});

describe('overlappingAbsence', () => {
  const recorded = [absence('b', '2027-02-01', '2027-02-10', 'planned'), absence('a', '2027-01-10', '2027-01-20'), absence('c', '2027-03-01', null)];

  it('finds the earliest absence of the client a new one overlaps, saying which', () => {
    expect(overlappingAbsence({ firstDay: '2027-01-15', lastDay: null }, recorded)).toEqual({
      message: 'the absence overlaps the client’s unplanned absence from 2027-01-10 to 2027-01-20',
      field: 'firstDay',
      reason: 'overlaps another absence',
    });
    expect(overlappingAbsence({ firstDay: '2027-04-01', lastDay: '2027-04-02' }, recorded)?.message).toBe(
      'the absence overlaps the client’s unplanned absence from 2027-03-01 (open-ended)',
    );
  });

  it('lets absences touch only on no common day', () => {
    expect(overlappingAbsence({ firstDay: '2027-01-21', lastDay: '2027-01-31' }, recorded)).toBeNull();
    expect(overlappingAbsence({ firstDay: '2027-01-21', lastDay: '2027-02-01' }, recorded)?.message).toContain('planned absence from 2027-02-01');
  });
});

describe('closingConflict', () => {
  const open = absence('open', '2027-01-10', null);

  it('closes an open-ended absence up to the day before the client’s next absence', () => {
    const next = absence('next', '2027-02-01', '2027-02-03');
    expect(closingConflict(open, '2027-01-31', [open, next])).toBeNull();
    expect(closingConflict(open, '2027-02-01', [open, next])).toMatchObject({ field: 'firstDay', reason: 'overlaps another absence' });
  });

  it('refuses to close twice (409) or before the first day (400)', () => {
    expect(closingConflict(absence('closed', '2027-01-10', '2027-01-12'), '2027-01-20', [])).toEqual({
      message: 'the absence is already closed (last day 2027-01-12)',
      field: 'lastDay',
      reason: 'already closed',
    });
    expect(refusedField(() => closingConflict(open, '2027-01-09', [open]))).toBe('lastDay');
  });
});

describe('watches and the control list', () => {
  it('moves the watch of an open-ended absence only, and not before it begins', () => {
    const open = absence('open', '2027-01-10', null);
    expect(watchConflict(open, '2027-02-07')).toBeNull();
    expect(refusedField(() => watchConflict(open, '2027-01-09'))).toBe('watchOn');
    expect(watchConflict(absence('closed', '2027-01-10', '2027-01-12'), '2027-02-07')).toEqual({
      message: 'the absence is closed (last day 2027-01-12); nothing to watch',
      field: 'watchOn',
      reason: 'absence closed',
    });
  });

  it('counts the days open with both ends, and a watch is due on its day', () => {
    expect(daysOpen('2027-01-10', '2027-01-10')).toBe(1);
    expect(daysOpen('2027-01-10', '2027-01-24')).toBe(15);
    expect(daysOpen('2027-01-10', '2027-01-05')).toBe(0);
    expect(isWatchDue({ lastDay: null, watchOn: '2027-01-24' }, '2027-01-23')).toBe(false);
    expect(isWatchDue({ lastDay: null, watchOn: '2027-01-24' }, '2027-01-24')).toBe(true);
    expect(isWatchDue({ lastDay: '2027-01-20', watchOn: '2027-01-24' }, '2027-01-30')).toBe(false);
  });
});
