import { addDays, dayOfWeek, localDateOf } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { closedDays, isClosedHoliday } from './closed-days';

type Row = [date: string, name: string];
const listed = (country: 'FI' | 'SE', year: number): Row[] => closedDays(country, year).map((day) => [day.date, day.name]);
const weekdaysOnly = (country: 'FI' | 'SE', year: number): string[] =>
  closedDays(country, year)
    .filter((day) => dayOfWeek(day.date) <= 5)
    .map((day) => day.date);

// Hand-checked against the banks' published calendars (docs/reference.md, "Banking days"). Finnish
// New Year's Eve and Maundy Thursday are banking days, so they are not listed; Swedish Whit
// Monday and the half-day eves (Twelfth Night, Walpurgis, All Saints') are not either.
describe('Finland: closed days', () => {
  it('2024', () => {
    expect(listed('FI', 2024)).toEqual([
      ['2024-01-01', "New Year's Day"],
      ['2024-01-06', 'Epiphany'],
      ['2024-03-29', 'Good Friday'],
      ['2024-03-31', 'Easter Sunday'],
      ['2024-04-01', 'Easter Monday'],
      ['2024-05-01', 'Labour Day'],
      ['2024-05-09', 'Ascension Day'],
      ['2024-05-19', 'Pentecost'],
      ['2024-06-21', 'Midsummer Eve'],
      ['2024-06-22', 'Midsummer Day'],
      ['2024-11-02', "All Saints' Day"],
      ['2024-12-06', 'Independence Day'],
      ['2024-12-24', 'Christmas Eve'],
      ['2024-12-25', 'Christmas Day'],
      ['2024-12-26', 'Boxing Day'],
    ]);
    expect(weekdaysOnly('FI', 2024)).toEqual([
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-06-21',
      '2024-12-06', '2024-12-24', '2024-12-25', '2024-12-26',
    ]);
  });

  it('2025', () => {
    expect(listed('FI', 2025)).toEqual([
      ['2025-01-01', "New Year's Day"],
      ['2025-01-06', 'Epiphany'],
      ['2025-04-18', 'Good Friday'],
      ['2025-04-20', 'Easter Sunday'],
      ['2025-04-21', 'Easter Monday'],
      ['2025-05-01', 'Labour Day'],
      ['2025-05-29', 'Ascension Day'],
      ['2025-06-08', 'Pentecost'],
      ['2025-06-20', 'Midsummer Eve'],
      ['2025-06-21', 'Midsummer Day'],
      ['2025-11-01', "All Saints' Day"],
      ['2025-12-06', 'Independence Day'],
      ['2025-12-24', 'Christmas Eve'],
      ['2025-12-25', 'Christmas Day'],
      ['2025-12-26', 'Boxing Day'],
    ]);
    expect(weekdaysOnly('FI', 2025)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29',
      '2025-06-20', '2025-12-24', '2025-12-25', '2025-12-26',
    ]);
  });

  it('2026', () => {
    expect(listed('FI', 2026)).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-06', 'Epiphany'],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-05', 'Easter Sunday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-05-01', 'Labour Day'],
      ['2026-05-14', 'Ascension Day'],
      ['2026-05-24', 'Pentecost'],
      ['2026-06-19', 'Midsummer Eve'],
      ['2026-06-20', 'Midsummer Day'],
      ['2026-10-31', "All Saints' Day"],
      ['2026-12-06', 'Independence Day'],
      ['2026-12-24', 'Christmas Eve'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-26', 'Boxing Day'],
    ]);
    expect(weekdaysOnly('FI', 2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14',
      '2026-06-19', '2026-12-24', '2026-12-25',
    ]);
  });

  it('2027', () => {
    expect(listed('FI', 2027)).toEqual([
      ['2027-01-01', "New Year's Day"],
      ['2027-01-06', 'Epiphany'],
      ['2027-03-26', 'Good Friday'],
      ['2027-03-28', 'Easter Sunday'],
      ['2027-03-29', 'Easter Monday'],
      ['2027-05-01', 'Labour Day'],
      ['2027-05-06', 'Ascension Day'],
      ['2027-05-16', 'Pentecost'],
      ['2027-06-25', 'Midsummer Eve'],
      ['2027-06-26', 'Midsummer Day'],
      ['2027-11-06', "All Saints' Day"],
      ['2027-12-06', 'Independence Day'],
      ['2027-12-24', 'Christmas Eve'],
      ['2027-12-25', 'Christmas Day'],
      ['2027-12-26', 'Boxing Day'],
    ]);
    expect(weekdaysOnly('FI', 2027)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-25',
      '2027-12-06', '2027-12-24',
    ]);
  });

  it('gives Finnish names too', () => {
    expect(closedDays('FI', 2025).map((day) => day.localName)).toEqual([
      'uudenvuodenpäivä', 'loppiainen', 'pitkäperjantai', 'pääsiäispäivä', 'toinen pääsiäispäivä', 'vappu', 'helatorstai',
      'helluntaipäivä', 'juhannusaatto', 'juhannuspäivä', 'pyhäinpäivä', 'itsenäisyyspäivä', 'jouluaatto', 'joulupäivä', 'tapaninpäivä',
    ]);
  });

  it("does not list New Year's Eve, which date-holidays marks as a bank holiday", () => {
    for (const year of [2024, 2025, 2026, 2027, 2030]) expect(isClosedHoliday('FI', `${year}-12-31`)).toBe(false);
  });
});

describe('Sweden: closed days', () => {
  it('2024', () => {
    expect(listed('SE', 2024)).toEqual([
      ['2024-01-01', "New Year's Day"],
      ['2024-01-06', 'Epiphany'],
      ['2024-03-29', 'Good Friday'],
      ['2024-03-31', 'Easter Sunday'],
      ['2024-04-01', 'Easter Monday'],
      ['2024-05-01', 'Labour Day'],
      ['2024-05-09', 'Ascension Day'],
      ['2024-05-19', 'Pentecost'],
      ['2024-06-06', 'National Day'],
      ['2024-06-21', 'Midsummer Eve'],
      ['2024-06-22', 'Midsummer Day'],
      ['2024-11-02', "All Saints' Day"],
      ['2024-12-24', 'Christmas Eve'],
      ['2024-12-25', 'Christmas Day'],
      ['2024-12-26', 'Boxing Day'],
      ['2024-12-31', "New Year's Eve"],
    ]);
    expect(weekdaysOnly('SE', 2024)).toEqual([
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-06-06',
      '2024-06-21', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-31',
    ]);
  });

  it('2025', () => {
    expect(listed('SE', 2025)).toEqual([
      ['2025-01-01', "New Year's Day"],
      ['2025-01-06', 'Epiphany'],
      ['2025-04-18', 'Good Friday'],
      ['2025-04-20', 'Easter Sunday'],
      ['2025-04-21', 'Easter Monday'],
      ['2025-05-01', 'Labour Day'],
      ['2025-05-29', 'Ascension Day'],
      ['2025-06-06', 'National Day'],
      ['2025-06-08', 'Pentecost'],
      ['2025-06-20', 'Midsummer Eve'],
      ['2025-06-21', 'Midsummer Day'],
      ['2025-11-01', "All Saints' Day"],
      ['2025-12-24', 'Christmas Eve'],
      ['2025-12-25', 'Christmas Day'],
      ['2025-12-26', 'Boxing Day'],
      ['2025-12-31', "New Year's Eve"],
    ]);
    expect(weekdaysOnly('SE', 2025)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29',
      '2025-06-06', '2025-06-20', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31',
    ]);
  });

  it('2026', () => {
    expect(listed('SE', 2026)).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-06', 'Epiphany'],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-05', 'Easter Sunday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-05-01', 'Labour Day'],
      ['2026-05-14', 'Ascension Day'],
      ['2026-05-24', 'Pentecost'],
      ['2026-06-06', 'National Day'],
      ['2026-06-19', 'Midsummer Eve'],
      ['2026-06-20', 'Midsummer Day'],
      ['2026-10-31', "All Saints' Day"],
      ['2026-12-24', 'Christmas Eve'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-26', 'Boxing Day'],
      ['2026-12-31', "New Year's Eve"],
    ]);
    expect(weekdaysOnly('SE', 2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14',
      '2026-06-19', '2026-12-24', '2026-12-25', '2026-12-31',
    ]);
  });

  it('2027', () => {
    expect(listed('SE', 2027)).toEqual([
      ['2027-01-01', "New Year's Day"],
      ['2027-01-06', 'Epiphany'],
      ['2027-03-26', 'Good Friday'],
      ['2027-03-28', 'Easter Sunday'],
      ['2027-03-29', 'Easter Monday'],
      ['2027-05-01', 'Labour Day'],
      ['2027-05-06', 'Ascension Day'],
      ['2027-05-16', 'Pentecost'],
      ['2027-06-06', 'National Day'],
      ['2027-06-25', 'Midsummer Eve'],
      ['2027-06-26', 'Midsummer Day'],
      ['2027-11-06', "All Saints' Day"],
      ['2027-12-24', 'Christmas Eve'],
      ['2027-12-25', 'Christmas Day'],
      ['2027-12-26', 'Boxing Day'],
      ['2027-12-31', "New Year's Eve"],
    ]);
    expect(weekdaysOnly('SE', 2027)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-25',
      '2027-12-24', '2027-12-31',
    ]);
  });

  it('gives Swedish names too', () => {
    expect(closedDays('SE', 2026).map((day) => day.localName)).toEqual([
      'nyårsdagen', 'trettondedag jul', 'långfredagen', 'påskdagen', 'annandag påsk', 'första maj', 'Kristi himmelsfärdsdag',
      'pingstdagen', 'nationaldagen', 'midsommarafton', 'midsommardagen', 'alla helgons dag', 'julafton', 'juldagen', 'annandag jul',
      'nyårsafton',
    ]);
  });
});

// An independent derivation of the same rules (Easter by the anonymous Gregorian algorithm),
// checked over half a century so that drift in date-holidays' data cannot go unnoticed.
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateOf(year, month, day);
}

function firstWeekdayFrom(date: string, isoWeekday: number): string {
  let day = date;
  while (dayOfWeek(day) !== isoWeekday) day = addDays(day, 1);
  return day;
}

function expectedClosed(country: 'FI' | 'SE', year: number): string[] {
  const e = easter(year);
  const dates = [
    `${year}-01-01`,
    `${year}-01-06`,
    addDays(e, -2),
    e,
    addDays(e, 1),
    `${year}-05-01`,
    addDays(e, 39),
    addDays(e, 49),
    firstWeekdayFrom(`${year}-06-19`, 5),
    firstWeekdayFrom(`${year}-06-20`, 6),
    firstWeekdayFrom(`${year}-10-31`, 6),
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
  ];
  if (country === 'FI') dates.push(`${year}-12-06`);
  if (country === 'SE') dates.push(`${year}-06-06`, `${year}-12-31`);
  return [...new Set(dates)].sort();
}

describe('closed days over a century', () => {
  it.each(['FI', 'SE'] as const)('%s matches the rules for every year 2020-2075', (country) => {
    for (let year = 2020; year <= 2075; year++) {
      expect([year, closedDays(country, year).map((day) => day.date)]).toEqual([year, expectedClosed(country, year)]);
    }
  });

  it('lists a date once when two holidays coincide (Labour Day and Ascension Day 2008)', () => {
    const day = closedDays('FI', 2008).find((d) => d.date === '2008-05-01');
    expect(day).toEqual({ date: '2008-05-01', name: 'Labour Day / Ascension Day', localName: 'vappu / helatorstai' });
  });
});

describe('closedDays input', () => {
  it('refuses years outside the known range and unknown countries', () => {
    expect(() => closedDays('FI', 1899)).toThrow(new DomainValidationError('must be between 1900 and 2199', 'year'));
    expect(() => closedDays('FI', 2025.5)).toThrow('year: must be a whole number');
    expect(() => closedDays('NO' as never, 2025)).toThrow('country: must be FI or SE');
  });

  it('returns the same frozen list on repeated calls', () => {
    expect(closedDays('SE', 2025)).toBe(closedDays('SE', 2025));
    expect(Object.isFrozen(closedDays('SE', 2025))).toBe(true);
  });

  it('does not depend on the host time zone', () => {
    // date-holidays' Date objects are instants at local midnight in the country's zone; only the
    // text date is used, so the list is the same whatever TZ the process runs in.
    expect(closedDays('FI', 2026)[0]).toEqual({ date: '2026-01-01', name: "New Year's Day", localName: 'uudenvuodenpäivä' });
  });
});
