import { DatedTable, validateDatedTable } from '../rule-tables/dated-table';

/**
 * Long-term enhanced service housing (pitkäaikainen tehostettu palveluasuminen), long-term family
 * care (perhehoito) and long-term institutional care (laitoshoito).
 */
export type LongTermCareType = 'enhanced-service-housing' | 'family-care' | 'institutional-care';
export const LONG_TERM_CARE_TYPES: readonly LongTermCareType[] = Object.freeze(['enhanced-service-housing', 'family-care', 'institutional-care']);

/** Percent of net monthly income after deductions, as decimal strings. */
export interface LongTermCareShares {
  /** At most this share of the client's own income. */
  readonly client: string;
  /** At most this share of the couple's combined income when the spouse at home earns less. */
  readonly couple: string;
}

/** Käyttövara: euros a month that must always remain for the client's personal use. */
export type PersonalAllowances = Readonly<Record<LongTermCareType, string>>;

const ACT = 'Act 734/1992 (asiakasmaksulaki) § 7 c as amended by 1201/2020, in force 1.7.2021';

export const FI_LONG_TERM_CARE_SHARES: DatedTable<LongTermCareShares> = validateDatedTable([
  { validFrom: '2021-07-01', validTo: null, source: `${ACT}: 85 % of net monthly income, 42.5 % of a couple's combined net monthly income; reference.md`, value: { client: '85', couple: '42.5' } },
]);

/**
 * Only the 2022-2023 row is confirmed. The Act's euro amounts follow index reviews, and no
 * reviewed käyttövara is on file for later years, so those rows are estimates marked "check".
 * A too-low allowance would overcharge the client, so no estimate goes below the last confirmed
 * amount.
 */
export const FI_PERSONAL_ALLOWANCES: DatedTable<PersonalAllowances> = validateDatedTable([
  {
    validFrom: '2022-01-01',
    validTo: '2023-12-31',
    source: `${ACT}, index review 1.1.2022; reference.md (167 € service housing, 112 € institutional care, 2022-2023); 167 € in family care per Pirkanmaa wellbeing services county (pirha.fi)`,
    value: { 'enhanced-service-housing': '167', 'family-care': '167', 'institutional-care': '112' },
  },
  {
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    source: `${ACT}; check: estimate, the 2022-2023 amounts carried forward (no index-reviewed käyttövara on file; Pirkanmaa wellbeing services county still publishes 167 € and 112 €); replace with the published figures`,
    value: { 'enhanced-service-housing': '167', 'family-care': '167', 'institutional-care': '112' },
  },
  {
    validFrom: '2026-01-01',
    validTo: null,
    source: `${ACT}; index review 1.1.2026 (+6.93 %), check: estimate, the 2024-2025 amounts × 1.0693 rounded to whole euros; replace with the published figures`,
    value: { 'enhanced-service-housing': '179', 'family-care': '179', 'institutional-care': '120' },
  },
]);
