import { DomainValidationError, type LocalDate, localDateInZone, parseLocalDate, toEpochDay } from '@clientfees/domain';

// XML Schema's lexical forms (XSD 1.0 part 2, §3.2.2 boolean, §3.2.3 decimal, §3.2.7 dateTime),
// which ISO 20022 messages use for every indicator, amount and date. A bank may write any of them.

/** xs:boolean: `true`, `false`, `1` or `0`, surrounding whitespace collapsed. */
export function xmlBoolean(text: string, field: string): boolean {
  switch (text.trim()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw new DomainValidationError(`must be an XML boolean (true, false, 1 or 0), not "${text.trim()}"`, field);
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * An ISO 20022 amount (xs:decimal, at most 5 fraction digits, not negative) as a plain decimal
 * string with exactly the currency's minor-unit digits: `.5` EUR → `0.50`, `+001.50` → `1.50`,
 * `79255` JPY → `79255`. Only string arithmetic, so no binary rounding ever touches it. More
 * decimals than the currency has are refused unless they are zeros: an amount of 1.005 euros
 * cannot be on an account.
 */
export function xmlAmount(text: string, currency: string, field: string): string {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new DomainValidationError(`must be a decimal number such as 12.34 or .5, not "${trimmed}"`, field);
  }
  const [, sign, whole, fraction = ''] = match;
  const digits = minorUnitDigits(currency);
  if (/[1-9]/.test(fraction.slice(digits))) throw new DomainValidationError(`has more decimals than ${currency} has (${digits})`, field);
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  if (integer.length + digits > 18) throw new DomainValidationError('is too large for an ISO 20022 amount (18 digits)', field);
  const cents = fraction.slice(0, digits).padEnd(digits, '0');
  if (sign === '-' && /[1-9]/.test(integer + cents)) throw new DomainValidationError('must not be negative: the direction is in CdtDbtInd', field);
  return digits === 0 ? integer : `${integer}.${cents}`;
}

/** The amount in minor units (cents), for sums; safe for every amount `xmlAmount` accepts in EUR or SEK. */
export function minorUnitsOf(amount: string): number {
  return Number(amount.replace('.', ''));
}

// ISO 4217 currencies whose minor unit is not the cent (2 digits).
const MINOR_UNIT_DIGITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency] ?? 2;
}

/** An ISO 4217 code as the schema's `ActiveOrHistoricCurrencyCode` pattern has it. */
export function xmlCurrency(text: string | undefined, field: string): string {
  const code = (text ?? '').trim();
  if (!/^[A-Z]{3}$/.test(code)) throw new DomainValidationError(`must be a three-letter ISO 4217 currency code, not "${code}"`, field);
  return code;
}

const DATE_TIME = /^(-?\d{4,}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The calendar date of an xs:dateTime. With a time zone in the text (`Z`, `+02:00`) and a zone to
 * read it in, the instant is converted, so 23:30Z on the 5th is the 6th in Helsinki; without
 * either, the date is as written: the bank's own local time.
 */
export function xmlDateTimeDate(text: string, field: string, timeZone?: string): LocalDate {
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) throw new DomainValidationError(`must be an ISO date-time such as 2024-03-05T14:30:00, not "${trimmed}"`, field);
  const [, datePart, hours, minutes, seconds, zone] = match;
  const date = parseLocalDate(datePart, field);
  if (Number(hours) > 24 || Number(minutes) > 59 || Number(seconds) > 60) throw new DomainValidationError(`is not a valid time of day: "${trimmed}"`, field);
  if (!zone || !timeZone) return date;
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const epochMillis = toEpochDay(date) * 86_400_000 + ((Number(hours) * 60 + Number(minutes) - offsetMinutes) * 60 + Number(seconds)) * 1000;
  return localDateInZone(epochMillis, timeZone);
}

/** An xs:date, possibly with a time zone suffix, which does not move a calendar date. */
export function xmlDate(text: string, field: string): LocalDate {
  const trimmed = text.trim();
  const match = /^(-?\d{4,}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(trimmed);
  if (!match) throw new DomainValidationError(`must be an ISO date such as 2024-03-05, not "${trimmed}"`, field);
  return parseLocalDate(match[1], field);
}
