import { debtClientStatus } from './debt-client-status';

const NOTHING = { dateOfDeath: null, settingsValidTo: null, movedOn: null };

describe('debtClientStatus', () => {
  it('is active without a death, an ended settings or a move', () => {
    expect(debtClientStatus(NOTHING, '2027-06-30')).toBe('active');
  });

  it('is moved when the register’s move takes effect in the month ending on the list’s date', () => {
    expect(debtClientStatus({ ...NOTHING, movedOn: '2027-06-01' }, '2027-06-30')).toBe('moved');
    expect(debtClientStatus({ ...NOTHING, movedOn: '2027-06-30' }, '2027-06-30')).toBe('moved');
    // Told at the month end after the move only: a move in May was told at the end of May.
    expect(debtClientStatus({ ...NOTHING, movedOn: '2027-05-31' }, '2027-06-30')).toBe('active');
    // A move dated after the list's date is not known to it.
    expect(debtClientStatus({ ...NOTHING, movedOn: '2027-07-01' }, '2027-06-30')).toBe('active');
    // February in a leap year: the month is the one of the list's date.
    expect(debtClientStatus({ ...NOTHING, movedOn: '2028-02-29' }, '2028-02-29')).toBe('moved');
  });

  it('ranks a death above ended services, and both above a move', () => {
    expect(debtClientStatus({ dateOfDeath: '2027-06-10', settingsValidTo: '2027-06-10', movedOn: '2027-06-05' }, '2027-06-30')).toBe('deceased');
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-10', movedOn: '2027-06-05' }, '2027-06-30')).toBe('closed');
  });

  it('is not closed on the last day of the settings, only after it', () => {
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-30' }, '2027-06-30')).toBe('active');
    expect(debtClientStatus({ ...NOTHING, settingsValidTo: '2027-06-29' }, '2027-06-30')).toBe('closed');
  });
});
