import { DomainValidationError } from '../errors';
import { localDateInZone, startOfDayInZone } from './time-zone';

const at = (iso: string) => Date.parse(iso);

describe('startOfDayInZone', () => {
  it('finds local midnight in Helsinki around the spring DST change (last Sunday of March)', () => {
    expect(startOfDayInZone('2025-03-29', 'Europe/Helsinki')).toBe(at('2025-03-28T22:00:00Z'));
    expect(startOfDayInZone('2025-03-30', 'Europe/Helsinki')).toBe(at('2025-03-29T22:00:00Z'));
    expect(startOfDayInZone('2025-03-31', 'Europe/Helsinki')).toBe(at('2025-03-30T21:00:00Z'));
  });

  it('finds local midnight in Helsinki around the autumn DST change (last Sunday of October)', () => {
    expect(startOfDayInZone('2025-10-26', 'Europe/Helsinki')).toBe(at('2025-10-25T21:00:00Z'));
    expect(startOfDayInZone('2025-10-27', 'Europe/Helsinki')).toBe(at('2025-10-26T22:00:00Z'));
  });

  it('finds local midnight in Stockholm around both DST changes', () => {
    expect(startOfDayInZone('2026-03-29', 'Europe/Stockholm')).toBe(at('2026-03-28T23:00:00Z'));
    expect(startOfDayInZone('2026-03-30', 'Europe/Stockholm')).toBe(at('2026-03-29T22:00:00Z'));
    expect(startOfDayInZone('2026-10-25', 'Europe/Stockholm')).toBe(at('2026-10-24T22:00:00Z'));
    expect(startOfDayInZone('2026-10-26', 'Europe/Stockholm')).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('makes the DST days 23 and 25 hours long', () => {
    const hours = (from: string, to: string, zone: string) => (startOfDayInZone(to, zone) - startOfDayInZone(from, zone)) / 3_600_000;
    expect(hours('2025-03-30', '2025-03-31', 'Europe/Helsinki')).toBe(23);
    expect(hours('2025-10-26', '2025-10-27', 'Europe/Helsinki')).toBe(25);
    expect(hours('2025-03-30', '2025-03-31', 'Europe/Stockholm')).toBe(23);
    expect(hours('2025-10-26', '2025-10-27', 'Europe/Stockholm')).toBe(25);
    expect(hours('2025-06-01', '2025-06-02', 'Europe/Stockholm')).toBe(24);
  });

  it('works in UTC and for dates before 1970', () => {
    expect(startOfDayInZone('2025-01-01', 'UTC')).toBe(at('2025-01-01T00:00:00Z'));
    expect(startOfDayInZone('1960-06-15', 'UTC')).toBe(at('1960-06-15T00:00:00Z'));
  });

  it('returns the earlier midnight when clocks turn back to 00:00 (Havana, 3 Nov 2024)', () => {
    expect(startOfDayInZone('2024-11-03', 'America/Havana')).toBe(at('2024-11-03T04:00:00Z'));
  });

  it('starts the day at the jump when midnight is skipped (Santiago, 8 Sep 2024)', () => {
    expect(startOfDayInZone('2024-09-08', 'America/Santiago')).toBe(at('2024-09-08T04:00:00Z'));
    expect(localDateInZone(at('2024-09-08T04:00:00Z') - 1, 'America/Santiago')).toBe('2024-09-07');
  });

  it('rejects unknown zones', () => {
    expect(() => startOfDayInZone('2025-01-01', 'Europe/Atlantis')).toThrow(DomainValidationError);
    expect(() => startOfDayInZone('2025-01-01', 'Europe/Atlantis')).toThrow('timeZone: not a known IANA time zone');
  });
});

describe('localDateInZone', () => {
  it('reads the calendar date of an instant in a zone', () => {
    expect(localDateInZone(at('2025-03-29T21:59:59.999Z'), 'Europe/Helsinki')).toBe('2025-03-29');
    expect(localDateInZone(at('2025-03-29T22:00:00Z'), 'Europe/Helsinki')).toBe('2025-03-30');
    expect(localDateInZone(at('2025-12-31T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-01-01');
    expect(localDateInZone(at('2025-12-31T23:30:00Z'), 'UTC')).toBe('2025-12-31');
    expect(localDateInZone(at('1969-12-31T23:59:59.999Z'), 'UTC')).toBe('1969-12-31');
  });

  it('inverts startOfDayInZone for every day of 2025 in both zones', () => {
    for (const zone of ['Europe/Helsinki', 'Europe/Stockholm']) {
      let instant = startOfDayInZone('2025-01-01', zone);
      for (let i = 0; i < 365; i++) {
        const date = localDateInZone(instant, zone);
        expect(localDateInZone(instant - 1, zone)).not.toBe(date);
        expect(startOfDayInZone(date, zone)).toBe(instant);
        instant += 36 * 3_600_000;
        instant = startOfDayInZone(localDateInZone(instant, zone), zone);
      }
    }
  });

  it('rejects instants that are not whole milliseconds', () => {
    expect(() => localDateInZone(Number.NaN, 'UTC')).toThrow('epochMillis: must be whole epoch milliseconds');
    expect(() => localDateInZone(1.5, 'UTC')).toThrow(DomainValidationError);
  });
});
