import { xmlAmount, xmlBoolean, xmlCurrency, xmlDate, xmlDateTimeDate } from './xml-values';

describe('XML Schema lexical forms', () => {
  it.each([
    ['true', true],
    ['1', true],
    [' false ', false],
    ['0', false],
  ])('reads the boolean %p as %p', (text, value) => {
    expect(xmlBoolean(text, 'RvslInd')).toBe(value);
  });

  it.each(['yes', 'TRUE', 'Y', ''])('refuses %p as a boolean, naming the element', (text) => {
    expect(() => xmlBoolean(text, 'Ntry[1]/RvslInd')).toThrow(/Ntry\[1\]\/RvslInd: must be an XML boolean/);
  });

  it.each([
    ['.5', 'EUR', '0.50'],
    ['5.', 'EUR', '5.00'],
    ['+001.50', 'EUR', '1.50'],
    ['6329', 'EUR', '6329.00'],
    ['1.50000', 'SEK', '1.50'],
    ['0', 'EUR', '0.00'],
    ['-0.00', 'EUR', '0.00'],
    ['79255.00', 'JPY', '79255'],
    [' 12.345 ', 'KWD', '12.345'],
    ['9999999999999999.99', 'EUR', '9999999999999999.99'],
  ])('reads the amount %p %s as %p', (text, currency, value) => {
    expect(xmlAmount(text, currency, 'Amt')).toBe(value);
  });

  it.each([
    ['', /decimal number/],
    ['.', /decimal number/],
    ['1,50', /decimal number/],
    ['1e3', /decimal number/],
    ['12.345', /more decimals than EUR has \(2\)/],
    ['-1.00', /must not be negative/],
    ['10000000000000000.00', /too large/],
  ])('refuses the amount %p', (text, problem) => {
    expect(() => xmlAmount(text, 'EUR', 'Ntry[1]/Amt')).toThrow(problem);
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(() => xmlCurrency('eur', 'Amt/@Ccy')).toThrow(/Amt\/@Ccy: must be a three-letter ISO 4217 currency code/);
    expect(() => xmlCurrency(undefined, 'Amt/@Ccy')).toThrow(/three-letter/);
    expect(xmlCurrency('SEK', 'Amt/@Ccy')).toBe('SEK');
  });

  it('takes a date-time without a zone as written (the bank’s local day)', () => {
    expect(xmlDateTimeDate('2024-03-05T23:07:10', 'AccptncDtTm', 'Europe/Helsinki')).toBe('2024-03-05');
  });

  it('reads a date-time with an offset on the organisation’s calendar: 23:30Z is the next day in Helsinki', () => {
    expect(xmlDateTimeDate('2024-03-05T23:30:00Z', 'AccptncDtTm', 'Europe/Helsinki')).toBe('2024-03-06');
    expect(xmlDateTimeDate('2024-03-05T23:30:00Z', 'AccptncDtTm', 'Europe/Stockholm')).toBe('2024-03-06');
    expect(xmlDateTimeDate('2024-03-06T00:30:00+02:00', 'AccptncDtTm', 'Europe/Stockholm')).toBe('2024-03-05');
    expect(xmlDateTimeDate('2009-10-28T09:00:00.123+02:00', 'AccptncDtTm', 'Europe/Helsinki')).toBe('2009-10-28');
    expect(xmlDateTimeDate('2024-03-05T23:30:00Z', 'AccptncDtTm')).toBe('2024-03-05');
  });

  it('refuses dates that are not ISO dates', () => {
    expect(() => xmlDateTimeDate('05.03.2024 10:00', 'RltdDts/AccptncDtTm')).toThrow(/RltdDts\/AccptncDtTm: must be an ISO date-time/);
    expect(() => xmlDate('2024-02-30', 'BookgDt/Dt')).toThrow(/BookgDt\/Dt/);
    expect(xmlDate('2024-02-29+02:00', 'BookgDt/Dt')).toBe('2024-02-29');
  });
});
