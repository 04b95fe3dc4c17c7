import { debtClientPosition, debtClientStatus, moveArea, RegisterMove, reportedMoveOf } from './debt-client-status';

/** The day the move the list reports took effect. */
const reportedMove = (moves: RegisterMove[], asOf: string, municipalityCodes: readonly string[] = []) => reportedMoveOf(moves, asOf, municipalityCodes)?.effectiveDate ?? null;

const NOTHING = { dateOfDeath: null, settingsValidTo: null, moves: [] as RegisterMove[] };
const move = (effectiveDate: string, recordedOn: string): RegisterMove => ({ effectiveDate, recordedOn });
const moved = (moves: RegisterMove[], asOf: string) => debtClientStatus({ ...NOTHING, moves }, asOf);

describe('reportedMoveOf and the moved status', () => {
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

describe('moved out of the organisation’s area (ADR 0035)', () => {
  // Western Uusimaa's member municipalities (a wellbeing services county): Espoo 049, Kauniainen 235, Kirkkonummi 257 …
  const COUNTY = ['049', '078', '149', '224', '235', '257', '444', '710', '755', '927'];
  const to = (homeMunicipality: string | null, effectiveDate = '2027-06-10', recordedOn = '2027-06-11'): RegisterMove => ({ effectiveDate, recordedOn, homeMunicipality });
  const status = (moves: RegisterMove[], municipalityCodes: readonly string[] = COUNTY, asOf = '2027-06-30') => debtClientStatus({ ...NOTHING, moves, municipalityCodes }, asOf);

  it('tells the area of a move by its home municipality against the organisation’s', () => {
    expect(moveArea({ homeMunicipality: '091' }, COUNTY)).toBe('out-of-area');
    expect(moveArea({ homeMunicipality: '235' }, COUNTY)).toBe('inside-area');
    expect(moveArea({ homeMunicipality: null }, COUNTY)).toBe('area-unknown');
    expect(moveArea({}, COUNTY)).toBe('area-unknown');
    expect(moveArea({ homeMunicipality: '091' }, [])).toBe('area-unknown');
    // A Swedish municipality is its own area.
    expect(moveArea({ homeMunicipality: '0581' }, ['0580'])).toBe('out-of-area');
    expect(moveArea({ homeMunicipality: '0580' }, ['0580'])).toBe('inside-area');
  });

  it('reports a move out of the area, with its home municipality', () => {
    expect(reportedMoveOf([to('091')], '2027-06-30', COUNTY)).toEqual({ effectiveDate: '2027-06-10', area: 'out-of-area', homeMunicipality: '091' });
    expect(status([to('091')])).toBe('moved');
  });

  it('does not report a move inside the area: from Espoo to Kauniainen the client is still the county’s', () => {
    expect(reportedMoveOf([to('235')], '2027-06-30', COUNTY)).toBeNull();
    expect(reportedMove([to('049')], '2027-06-30', COUNTY)).toBeNull();
    expect(status([to('235')])).toBe('active');
  });

  it('falls back to any address change, area unknown, when the move has no home municipality or the organisation no municipalities', () => {
    expect(reportedMoveOf([to(null)], '2027-06-30', COUNTY)).toEqual({ effectiveDate: '2027-06-10', area: 'area-unknown', homeMunicipality: null });
    expect(status([to(null)])).toBe('moved');
    expect(reportedMoveOf([to('235')], '2027-06-30', [])).toEqual({ effectiveDate: '2027-06-10', area: 'area-unknown', homeMunicipality: '235' });
    expect(status([to('235')], [])).toBe('moved');
    // Older facts without the organisation's municipalities at all: today's rule.
    expect(debtClientStatus({ ...NOTHING, moves: [to('235')] }, '2027-06-30')).toBe('moved');
  });

  it('keeps the list a move is told on; of two on one list the later says where the client is', () => {
    // Out in May, recorded late in June: on June's list, out of the area.
    expect(reportedMoveOf([to('091', '2027-05-20', '2027-06-03')], '2027-06-30', COUNTY)).toMatchObject({ effectiveDate: '2027-05-20', area: 'out-of-area' });
    expect(status([to('091', '2027-05-20', '2027-06-03')], COUNTY, '2027-07-31')).toBe('active');
    // Out on 5.6. and back to Espoo on 25.6.: at the month end the client lives in the area.
    expect(status([to('091', '2027-06-05', '2027-06-06'), to('049', '2027-06-25', '2027-06-26')])).toBe('active');
    // Inside on 5.6., then out on 25.6.: told of the move out.
    expect(reportedMoveOf([to('235', '2027-06-05', '2027-06-06'), to('091', '2027-06-25', '2027-06-26')], '2027-06-30', COUNTY)).toMatchObject({ effectiveDate: '2027-06-25', area: 'out-of-area' });
  });

  it('lets a death or an end of the services outrank a move out', () => {
    expect(debtClientStatus({ dateOfDeath: '2027-06-20', settingsValidTo: null, moves: [to('091')], municipalityCodes: COUNTY }, '2027-06-30')).toBe('deceased');
    expect(debtClientStatus({ dateOfDeath: null, settingsValidTo: '2027-06-15', moves: [to('091')], municipalityCodes: COUNTY }, '2027-06-30')).toBe('closed');
  });

  it('shows the finance office where and when the client moved, also beside a weightier status', () => {
    expect(debtClientPosition({ ...NOTHING, moves: [to('091')], municipalityCodes: COUNTY }, '2027-06-30')).toEqual({ status: 'moved', movedOn: '2027-06-10', moveArea: 'out-of-area', movedTo: '091' });
    expect(debtClientPosition({ ...NOTHING, moves: [to(null)], municipalityCodes: COUNTY }, '2027-06-30')).toEqual({ status: 'moved', movedOn: '2027-06-10', moveArea: 'area-unknown' });
    expect(debtClientPosition({ ...NOTHING, dateOfDeath: '2027-06-20', moves: [to('091')], municipalityCodes: COUNTY }, '2027-06-30')).toEqual({ status: 'deceased', movedOn: '2027-06-10', moveArea: 'out-of-area', movedTo: '091' });
    expect(debtClientPosition({ ...NOTHING, moves: [to('235')], municipalityCodes: COUNTY }, '2027-06-30')).toEqual({ status: 'active' });
  });
});
