import { compareLocalDates, LocalDate, parseLocalDate } from '../dates/local-date';

/**
 * The client's consent to fetch income data from the authorities (suostumus / samtycke, seed 001:
 * "asiakkailta kysytään suostumus tulotietojen hakemiseen viranomaisilta"). A client may decline;
 * the official may then fetch the data directly, with the legal basis the officer records (the
 * authority's statutory right to obtain the income data it needs for the fee).
 */
export const AUTHORITY_SOURCES = ['incomes-register', 'population-register', 'tax-administration'] as const;
export type AuthoritySource = (typeof AUTHORITY_SOURCES)[number];
export type ConsentStatus = 'given' | 'declined' | 'withdrawn';

export interface ConsentRecord {
  readonly status: ConsentStatus;
  readonly sources: readonly AuthoritySource[];
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface LegalBasis {
  readonly basis: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export type FetchPermission =
  | { readonly allowed: true; readonly grounds: 'consent' | 'legal-basis'; readonly detail: string }
  | { readonly allowed: false; readonly reason: string };

/** The consent in force on `date`: the latest recorded one whose validity covers it. */
export function consentInForce(records: readonly ConsentRecord[], date: LocalDate): ConsentRecord | undefined {
  const day = parseLocalDate(date, 'date');
  return [...records]
    .filter((c) => compareLocalDates(c.validFrom, day) <= 0 && (c.validTo === null || compareLocalDates(day, c.validTo) <= 0))
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .at(-1);
}

/** May the officer's review fetch from `source` on `date`? A legal basis stands when consent does not. */
export function fetchPermission(records: readonly ConsentRecord[], source: AuthoritySource, date: LocalDate, legalBasis?: LegalBasis): FetchPermission {
  const consent = consentInForce(records, date);
  if (consent?.status === 'given' && consent.sources.includes(source)) {
    return { allowed: true, grounds: 'consent', detail: `consent recorded by ${consent.recordedBy} at ${consent.recordedAt}` };
  }
  if (legalBasis && legalBasis.basis.trim() !== '') {
    return { allowed: true, grounds: 'legal-basis', detail: `${legalBasis.basis} (recorded by ${legalBasis.recordedBy} at ${legalBasis.recordedAt})` };
  }
  if (!consent) return { allowed: false, reason: 'the client has not been asked for consent: record the consent, or the legal basis for fetching without it' };
  if (consent.status === 'given') return { allowed: false, reason: `the consent does not cover ${source}: record a wider consent or the legal basis` };
  return { allowed: false, reason: `the client's consent is ${consent.status}: record the legal basis for fetching without it, or use the income the client reports` };
}
