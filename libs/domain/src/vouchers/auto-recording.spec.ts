import { AutoRecordingCandidate, automaticEvent } from './auto-recording';

const candidate = (over: Partial<AutoRecordingCandidate> = {}): AutoRecordingCandidate => ({
  unit: 'day',
  serviceRecordsAutomatically: true,
  validFrom: '2016-01-01',
  validTo: null,
  latest: { unitId: 'unit-b', kind: 'event', open: false },
  recordedLastMonth: true,
  recordedThisMonth: false,
  ...over,
});

describe('automatic recording on the night of the 4th (seed 003 §4.3.2)', () => {
  it('makes an incomplete event for the whole month in the unit of the latest record', () => {
    expect(automaticEvent(candidate(), '2016-02')).toEqual({ record: true, unitId: 'unit-b', startDate: '2016-02-01', endDate: '2016-02-29' });
  });

  it('continues after an interruption that has ended, in its unit', () => {
    expect(automaticEvent(candidate({ latest: { unitId: 'unit-c', kind: 'interruption', open: false } }), '2016-03')).toMatchObject({ record: true, unitId: 'unit-c' });
  });

  it('makes nothing while an interruption is open', () => {
    expect(automaticEvent(candidate({ latest: { unitId: 'unit-b', kind: 'interruption', open: true } }), '2016-03')).toEqual({ record: false, reason: 'an interruption is open' });
  });

  it('leaves the first record of a content to the provider', () => {
    expect(automaticEvent(candidate({ latest: null, recordedLastMonth: false }), '2016-03')).toEqual({ record: false, reason: 'nothing was recorded in 2016-02: the first record is made by hand' });
  });

  it('makes nothing for contents counted in hours, for services without automatic recording, or for a month already recorded', () => {
    expect(automaticEvent(candidate({ unit: 'hour' }), '2016-03').record).toBe(false);
    expect(automaticEvent(candidate({ serviceRecordsAutomatically: false }), '2016-03').record).toBe(false);
    expect(automaticEvent(candidate({ recordedThisMonth: true }), '2016-03')).toEqual({ record: false, reason: '2016-03 already has records' });
  });

  it('cuts the event to the voucher’s validity', () => {
    expect(automaticEvent(candidate({ validTo: '2016-03-17' }), '2016-03')).toMatchObject({ startDate: '2016-03-01', endDate: '2016-03-17' });
    expect(automaticEvent(candidate({ validTo: '2016-02-28' }), '2016-03')).toEqual({ record: false, reason: 'the voucher is not valid in 2016-03' });
  });
});
