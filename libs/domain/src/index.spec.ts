import * as domain from './index';

describe('public API', () => {
  it('exports every module through the index', () => {
    const expected = [
      // errors, country
      'DomainValidationError', 'isDomainValidationError', 'COUNTRIES', 'isCountry', 'parseCountry',
      // dates
      'parseLocalDate', 'isLocalDate', 'localDateOf', 'localDateParts', 'toEpochDay', 'fromEpochDay', 'addDays', 'addMonths',
      'daysBetween', 'dayOfWeek', 'compareLocalDates', 'isBefore', 'isAfter', 'isOnOrBefore', 'isOnOrAfter', 'firstDayOfMonth',
      'lastDayOfMonth', 'isLeapYear', 'daysInMonth', 'startOfDayInZone', 'localDateInZone',
      // money
      'Money', 'allocate', 'splitEvenly', 'Decimal', 'decimal', 'roundToCents', 'roundDecimal', 'CURRENCIES', 'isCurrency',
      'parseCurrency', 'currencyOfCountry',
      // calendar
      'closedDays', 'isClosedHoliday', 'isBankingDay', 'addBankingDays', 'nextBankingDayOnOrAfter', 'previousBankingDayOnOrBefore',
      'dueDate', 'nextWeeklyRunDay', 'nextMonthlyRunDay',
      // identifiers
      'validateFinnishPersonalIdentityCode', 'parseFinnishPersonalIdentityCode', 'validateSwedishPersonalIdentityNumber',
      'parseSwedishPersonalIdentityNumber', 'redactIdentityCodes', 'maskIdentityCode', 'validateFinnishBusinessId',
      'parseFinnishBusinessId', 'createFinnishCreditorReference', 'validateFinnishCreditorReference', 'formatFinnishCreditorReference',
      'createRfCreditorReference', 'validateRfCreditorReference', 'formatRfCreditorReference', 'validateIban', 'parseIban',
      'validateBic', 'parseBic', 'createSwedishOcrReference', 'validateSwedishOcrReference', 'parseSwedishOcrReference',
    ];
    for (const name of expected) expect([name, typeof (domain as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
  });

  it('works end to end: an invoice’s due date, total and reference', () => {
    const invoiceDate = domain.parseLocalDate('2017-07-25', 'invoiceDate');
    const total = domain.Money.sum([domain.Money.parse('120.00', 'EUR'), domain.Money.parse('-20.50', 'EUR')], 'EUR');
    expect(domain.dueDate('FI', invoiceDate)).toBe('2017-08-11');
    expect(total.toDecimalString()).toBe('99.50');
    expect(domain.createRfCreditorReference(domain.createFinnishCreditorReference('2017001'))).toMatch(/^RF\d{2}20170017$/);
  });
});
