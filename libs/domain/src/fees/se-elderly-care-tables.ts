import { DatedRow, DatedTable, RuleStatus, validateDatedTable } from '../rule-tables/dated-table';

/** Kronor, as decimal strings. */
export interface SeMaxFee {
  /** Prisbasbelopp for the year. */
  readonly priceBaseAmount: string;
  /** Maxtaxa a month for home care, day activities and care in special housing together. */
  readonly maxFee: string;
}

/** Minimibelopp a month, kronor, as decimal strings. */
export interface SeMinimumAmounts {
  readonly single: string;
  /** For each of two spouses, registered partners or cohabitants living together. */
  readonly cohabitingEach: string;
}

/**
 * The highest fee a month for housing in special housing (särskilt boende) that the tenancy act
 * (12 kap. jordabalken) does not cover: 1/12 × 0.5539 × prisbasbelopp, kronor as a decimal
 * string to the öre, rounded down so it never exceeds the statutory cap.
 */
export interface SeSpecialHousingFeeCap {
  readonly priceBaseAmount: string;
  readonly cap: string;
}

/** Maxtaxa = 0.5392 × prisbasbelopp / 12 (8 kap. 5 § 1); the published amounts are whole kronor, rounded to the nearest. */
export const SE_MAX_FEE_FACTOR = '0.5392';
/** Housing in special housing outside the tenancy act: at most 0.5539 × prisbasbelopp / 12 (8 kap. 5 § 2). */
export const SE_SPECIAL_HOUSING_FEE_FACTOR = '0.5539';
/** Minimibelopp factors from 1.1.2023 (inferred from the published 6 470 / 5 279 kr of 2023 and 7 062 / 5 762 kr of 2024). */
export const SE_MINIMUM_AMOUNT_FACTORS: SeMinimumAmounts = Object.freeze({ single: '1.4789', cohabitingEach: '1.2066' });

const OLD_ACT = 'socialtjänstlagen (2001:453)';
// The new act took over the fee rules of 8 kap. 4-8 §§ unchanged in substance; its own chapter
// and section numbers were not readable here, so rows from 1.7.2025 cite the act as a whole.
const NEW_ACT = 'socialtjänstlag (2025:400), in force 1.7.2025, which carries over SoL 2001:453 8 kap. 4-8 §§ (its own chapter and section not confirmed here)';
const CAPS = `${OLD_ACT} 8 kap. 5 § as worded by SFS 2015:967 (from 1.7.2016) and SFS 2017:47`;

/** Prisbasbelopp by year (socialförsäkringsbalken 2 kap. 6-8 §§) and where each is on record. */
const PRICE_BASE_AMOUNTS: Readonly<Record<number, { amount: string; source: string; status: RuleStatus }>> = Object.freeze({
  2021: { amount: '47600', source: 'prisbasbelopp 47 600 kr (förordning SFS 2020:764)', status: 'check' },
  2022: { amount: '48300', source: 'prisbasbelopp 48 300 kr (förordning SFS 2021:866)', status: 'confirmed' },
  2023: { amount: '52500', source: 'prisbasbelopp 52 500 kr (as published by the government, förordning not on file)', status: 'check' },
  2024: { amount: '57300', source: 'prisbasbelopp 57 300 kr (fastställt 12.9.2023, förordning not on file)', status: 'check' },
  2025: { amount: '58800', source: 'prisbasbelopp 58 800 kr (förordning not on file)', status: 'check' },
  2026: { amount: '59200', source: 'prisbasbelopp 59 200 kr (förordning SFS 2025:872)', status: 'check' },
});
const ESTIMATE_2027 = 'estimate: prisbasbelopp 2027 not on file, the 2026 amount 59 200 kr carried forward; enter the förordning for 2027 and the amounts it gives';

/** One calendar year (or half of 2025, split at the new act) of a table derived from prisbasbelopp. */
interface YearRow<T> {
  readonly from: string;
  readonly to: string;
  readonly act: string;
  readonly value: T;
  readonly how: string;
  /** Overrides the prisbasbelopp's status (a published amount seen, or a figure inferred). */
  readonly status?: RuleStatus;
  readonly note?: string;
}

function yearRows<T>(rows: readonly YearRow<T>[]): DatedTable<T> {
  return validateDatedTable(
    rows.map((row): DatedRow<T> => {
      const year = Number(row.from.slice(0, 4));
      const base = PRICE_BASE_AMOUNTS[year];
      if (!base) return { validFrom: row.from, validTo: row.to, status: 'estimate', source: `${row.act}: ${row.how}; ${ESTIMATE_2027}`, value: row.value };
      return {
        validFrom: row.from,
        validTo: row.to,
        status: row.status ?? base.status,
        source: `${row.act}: ${row.how}, ${base.source}${row.note ? `; ${row.note}` : ''}`,
        value: row.value,
      };
    }),
  );
}

/**
 * Rows end with their calendar year because prisbasbelopp is set for one year at a time: a date in
 * a year nobody has entered yet stops with "no rule" instead of billing on last year's amounts.
 * The Act changed on 1.7.2025 but the formula did not; the row is split to cite the right Act.
 */
export const SE_MAX_FEES: DatedTable<SeMaxFee> = yearRows([
  { from: '2021-01-01', to: '2021-12-31', act: CAPS, how: '1/12 × 0.5392 × 47 600 = 2 138.83 → 2 139 kr', note: 'the same 2 139 kr published by Lerum municipality', value: { priceBaseAmount: '47600', maxFee: '2139' } },
  { from: '2022-01-01', to: '2022-12-31', act: CAPS, how: '1/12 × 0.5392 × 48 300 = 2 170.28 → 2 170 kr', value: { priceBaseAmount: '48300', maxFee: '2170' } },
  { from: '2023-01-01', to: '2023-12-31', act: CAPS, how: '1/12 × 0.5392 × 52 500 = 2 359.00 kr', value: { priceBaseAmount: '52500', maxFee: '2359' } },
  { from: '2024-01-01', to: '2024-12-31', act: CAPS, how: '1/12 × 0.5392 × 57 300 = 2 574.68 → 2 575 kr', note: 'the same 2 575 kr published by Vaxholm and Mönsterås', value: { priceBaseAmount: '57300', maxFee: '2575' } },
  { from: '2025-01-01', to: '2025-06-30', act: CAPS, how: '1/12 × 0.5392 × 58 800 = 2 642.08 → 2 642 kr', value: { priceBaseAmount: '58800', maxFee: '2642' } },
  { from: '2025-07-01', to: '2025-12-31', act: NEW_ACT, how: '1/12 × 0.5392 × 58 800 = 2 642.08 → 2 642 kr', value: { priceBaseAmount: '58800', maxFee: '2642' } },
  { from: '2026-01-01', to: '2026-12-31', act: NEW_ACT, how: '1/12 × 0.5392 × 59 200 = 2 660.05 → 2 660 kr', note: 'the same 2 660 kr published by Mönsterås', value: { priceBaseAmount: '59200', maxFee: '2660' } },
  { from: '2027-01-01', to: '2027-12-31', act: NEW_ACT, how: '1/12 × 0.5392 × 59 200 = 2 660 kr', value: { priceBaseAmount: '59200', maxFee: '2660' } },
]);

const MINIMUM = `${OLD_ACT} 8 kap. 7 §`;

/**
 * Minimibelopp: for a single person, and for each of two spouses, registered partners or
 * cohabitants (sambor) living together: the same couple's amount whether or not they are married
 * (8 kap. 7 § 2 st.). Whose income counts is a separate rule (8 kap. 4 § 3 st.: spouses only).
 */
export const SE_MINIMUM_AMOUNTS: DatedTable<SeMinimumAmounts> = yearRows([
  { from: '2021-01-01', to: '2021-12-31', act: `${MINIMUM} as worded by SFS 2017:47`, how: '1/12 × 1.3546 / 1.1446 × 47 600 = 5 373.25 / 4 540.25 → 5 373 / 4 540 kr', value: { single: '5373', cohabitingEach: '4540' } },
  {
    from: '2022-01-01',
    to: '2022-07-31',
    act: `${MINIMUM} as worded by SFS 2021:1314`,
    how: '5 653 / 4 707 kr (factors 1.4044 / 1.1694 inferred from these published amounts; SFS 2021:1314 not read)',
    note: 'as published by Haninge municipality (updated 18.1.2022)',
    status: 'check',
    value: { single: '5653', cohabitingEach: '4707' },
  },
  {
    from: '2022-08-01',
    to: '2022-12-31',
    act: `${MINIMUM} as worded by SFS 2022:935 (in force 1.8.2022)`,
    how: '1/12 × 1.4541 / 1.1942 × 48 300 = 5 852.75 / 4 806.66 → 5 853 / 4 807 kr',
    value: { single: '5853', cohabitingEach: '4807' },
  },
  { from: '2023-01-01', to: '2023-12-31', act: MINIMUM, how: '6 470 / 5 279 kr as published (1/12 × 1.4789 / 1.2066 × 52 500; the amending act not on file)', status: 'check', value: { single: '6470', cohabitingEach: '5279' } },
  { from: '2024-01-01', to: '2024-12-31', act: MINIMUM, how: '1/12 × 1.4789 / 1.2066 × 57 300 = 7 061.75 / 5 761.52 → 7 062 / 5 762 kr', note: 'the same amounts published by Vaxholm', value: { single: '7062', cohabitingEach: '5762' } },
  { from: '2025-01-01', to: '2025-06-30', act: MINIMUM, how: '1/12 × 1.4789 / 1.2066 × 58 800 = 7 246.61 / 5 912.34 → 7 247 / 5 912 kr', value: { single: '7247', cohabitingEach: '5912' } },
  { from: '2025-07-01', to: '2025-12-31', act: NEW_ACT, how: '1/12 × 1.4789 / 1.2066 × 58 800 = 7 246.61 / 5 912.34 → 7 247 / 5 912 kr', value: { single: '7247', cohabitingEach: '5912' } },
  { from: '2026-01-01', to: '2026-12-31', act: NEW_ACT, how: '1/12 × 1.4789 / 1.2066 × 59 200 = 7 295.91 / 5 952.56 → 7 296 / 5 953 kr', value: { single: '7296', cohabitingEach: '5953' } },
  { from: '2027-01-01', to: '2027-12-31', act: NEW_ACT, how: '1/12 × 1.4789 / 1.2066 × 59 200 → 7 296 / 5 953 kr', value: { single: '7296', cohabitingEach: '5953' } },
]);

/**
 * The cap on the fee for housing in special housing outside the tenancy act (8 kap. 5 § 2), to
 * the öre and rounded down: the Act says "högst", so a rounded-up figure would exceed it.
 */
export const SE_SPECIAL_HOUSING_FEE_CAPS: DatedTable<SeSpecialHousingFeeCap> = yearRows([
  { from: '2021-01-01', to: '2021-12-31', act: CAPS, how: '1/12 × 0.5539 × 47 600 = 2 197.136… → 2 197.13 kr', value: { priceBaseAmount: '47600', cap: '2197.13' } },
  { from: '2022-01-01', to: '2022-12-31', act: CAPS, how: '1/12 × 0.5539 × 48 300 = 2 229.4475 → 2 229.44 kr', value: { priceBaseAmount: '48300', cap: '2229.44' } },
  { from: '2023-01-01', to: '2023-12-31', act: CAPS, how: '1/12 × 0.5539 × 52 500 = 2 423.3125 → 2 423.31 kr', value: { priceBaseAmount: '52500', cap: '2423.31' } },
  { from: '2024-01-01', to: '2024-12-31', act: CAPS, how: '1/12 × 0.5539 × 57 300 = 2 644.8725 → 2 644.87 kr', value: { priceBaseAmount: '57300', cap: '2644.87' } },
  { from: '2025-01-01', to: '2025-06-30', act: CAPS, how: '1/12 × 0.5539 × 58 800 = 2 714.11 kr', value: { priceBaseAmount: '58800', cap: '2714.11' } },
  { from: '2025-07-01', to: '2025-12-31', act: NEW_ACT, how: '1/12 × 0.5539 × 58 800 = 2 714.11 kr', value: { priceBaseAmount: '58800', cap: '2714.11' } },
  { from: '2026-01-01', to: '2026-12-31', act: NEW_ACT, how: '1/12 × 0.5539 × 59 200 = 2 732.573… → 2 732.57 kr', value: { priceBaseAmount: '59200', cap: '2732.57' } },
  { from: '2027-01-01', to: '2027-12-31', act: NEW_ACT, how: '1/12 × 0.5539 × 59 200 → 2 732.57 kr', value: { priceBaseAmount: '59200', cap: '2732.57' } },
]);
