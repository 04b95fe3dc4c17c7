import { LocalDate, localDateParts, parseLocalDate } from '../dates/local-date';
import { Money } from '../money/money';

/** The languages a fee decision is written in (Finland is bilingual: suomi / svenska). */
import type { LetterLanguage } from '../debts/letter-language';

// One letter language across the domain: debt letters and fee decisions alike.
export type { LetterLanguage } from '../debts/letter-language';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['fi', 'sv'];

/** Groups of three digits are separated by a no-break space in Finnish and Swedish print. */
const NBSP = '\u00a0';

/**
 * An amount as a Finnish or Swedish letter prints it: `1 234,56 €` (decimal comma, a space
 * between thousands, the euro sign after the amount). Exact: formatted from the decimal string.
 */
export function formatEuros(amount: string, _language: LetterLanguage): string {
  const text = Money.parse(amount, 'EUR', 'amount').toDecimalString();
  const negative = text.startsWith('-');
  const [whole, cents] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '−' : ''}${grouped},${cents}${NBSP}€`;
}

/** `1.12.2026` in both languages (d.m.yyyy, no leading zeros: the way both write dates in Finland). */
export function formatLetterDate(date: LocalDate): string {
  const { year, month, day } = localDateParts(parseLocalDate(date, 'date'));
  return `${day}.${month}.${year}`;
}

/** A percentage with a decimal comma: `15,5 %`. */
export function formatPercent(value: string): string {
  return `${value.replace('.', ',')}${NBSP}%`;
}
