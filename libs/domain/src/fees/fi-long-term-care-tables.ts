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
  {
    validFrom: '2021-07-01',
    validTo: null,
    status: 'check',
    source: `${ACT}: at most 85 % of net monthly income, 42.5 % of a couple's combined net monthly income; as stated by Loviisa ("Tehostetun palveluasumisen asiakasmaksut 1.7.2021 alkaen") and Pirkanmaa, not yet compared with the Finlex text`,
    value: { client: '85', couple: '42.5' },
  },
]);

// § 7 c (3): the käyttövara follows työeläkeindeksi like the income limits (§ 14 b), rounded to
// whole euros (Kuntaliitto yleiskirje 17/2021). A too-low allowance overcharges the client, so an
// estimate follows the statutory index rule rather than carrying an old amount forward.
const INDEX_RULE = 'derived by the statutory index rule (§ 14 b) from the confirmed amounts';

/** Käyttövara, euros a month, from the reform of 1.7.2021. */
export const FI_PERSONAL_ALLOWANCES: DatedTable<PersonalAllowances> = validateDatedTable([
  {
    validFrom: '2021-07-01',
    validTo: '2021-12-31',
    status: 'check',
    source: `${ACT} (the Act's own amounts, 164 € / 110 €); as published by Loviisa (164 € in enhanced service housing from 1.7.2021) and Päijät-Häme (110 € in institutional care), not yet compared with the Finlex text`,
    value: { 'enhanced-service-housing': '164', 'family-care': '164', 'institutional-care': '110' },
  },
  {
    validFrom: '2022-01-01',
    validTo: '2023-12-31',
    status: 'confirmed',
    source: `${ACT}; index review 1.1.2022, STM ilmoitus 932/2021 (11.11.2021) item 5: at least 167 € a month in long-term enhanced service housing and family care, 112 € in long-term institutional care`,
    value: { 'enhanced-service-housing': '167', 'family-care': '167', 'institutional-care': '112' },
  },
  {
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    status: 'estimate',
    source: `${ACT}; index review 1.1.2024: estimate ${INDEX_RULE} of 2022-2023 × 1.0924 (the rise of the 2024 income limits: 598 → 653, 1 103 → 1 205 …): 167 → 182.43 → 182 €, 112 → 122.35 → 122 €. The STM notice's amounts are not on file; counties still publishing 167 € may be charging up to 15 € a month too much: enter the notice's figures`,
    value: { 'enhanced-service-housing': '182', 'family-care': '182', 'institutional-care': '122' },
  },
  {
    validFrom: '2026-01-01',
    validTo: null,
    status: 'estimate',
    source: `${ACT}; index review 1.1.2026 (+6.93 %): estimate ${INDEX_RULE}: 182 × 1.0693 = 194.61 → 195 €, 122 × 1.0693 = 130.45 → 130 €. Enter the STM notice's figures`,
    value: { 'enhanced-service-housing': '195', 'family-care': '195', 'institutional-care': '130' },
  },
]);
