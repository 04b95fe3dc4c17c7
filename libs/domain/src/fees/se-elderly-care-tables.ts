import { DatedTable, validateDatedTable } from '../rule-tables/dated-table';

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
  /** For each of two spouses or cohabitants. */
  readonly cohabitingEach: string;
}

/** Maxtaxa = 0.5392 × prisbasbelopp / 12; the published amounts are whole kronor, rounded to the nearest. */
export const SE_MAX_FEE_FACTOR = '0.5392';
/** Minimibelopp factors inferred from the published 2023 and 2024 amounts (6 470 / 5 279, 7 062 / 5 762 kr). */
export const SE_MINIMUM_AMOUNT_FACTORS: SeMinimumAmounts = Object.freeze({ single: '1.4789', cohabitingEach: '1.2066' });

const OLD_ACT = 'socialtjänstlagen (2001:453) 8 kap. 5 §';
const NEW_ACT = 'socialtjänstlag (2025:400), in force 1.7.2025, same formula (check the chapter and section)';

/**
 * Rows end with their calendar year because prisbasbelopp is set for one year at a time: a date in
 * a year nobody has entered yet stops with "no rule" instead of billing on last year's amounts.
 * The Act changed on 1.7.2025 but the formula did not; the row is split to cite the right Act.
 */
export const SE_MAX_FEES: DatedTable<SeMaxFee> = validateDatedTable([
  {
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    source: `${OLD_ACT}: 1/12 × 0.5392 × prisbasbelopp 57 300 kr = 2 574.68 → 2 575 kr; reference.md`,
    value: { priceBaseAmount: '57300', maxFee: '2575' },
  },
  {
    validFrom: '2025-01-01',
    validTo: '2025-06-30',
    source: `${OLD_ACT}: 1/12 × 0.5392 × prisbasbelopp 58 800 kr = 2 642.08 → 2 642 kr; check: computed here, not read from a published figure`,
    value: { priceBaseAmount: '58800', maxFee: '2642' },
  },
  {
    validFrom: '2025-07-01',
    validTo: '2025-12-31',
    source: `${NEW_ACT}: 1/12 × 0.5392 × prisbasbelopp 58 800 kr = 2 642.08 → 2 642 kr; check: computed here, not read from a published figure`,
    value: { priceBaseAmount: '58800', maxFee: '2642' },
  },
  {
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    source: `${NEW_ACT}: 1/12 × 0.5392 × prisbasbelopp 59 200 kr = 2 660.05 → 2 660 kr; reference.md, also published by Mönsterås municipality`,
    value: { priceBaseAmount: '59200', maxFee: '2660' },
  },
]);

export const SE_MINIMUM_AMOUNTS: DatedTable<SeMinimumAmounts> = validateDatedTable([
  {
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    source: 'socialtjänstlagen (2001:453) 8 kap. 7-8 §§ (minimibelopp); reference.md; also published by Vaxholm municipality',
    value: { single: '7062', cohabitingEach: '5762' },
  },
  {
    validFrom: '2025-01-01',
    validTo: '2025-06-30',
    source: 'socialtjänstlagen (2001:453) 8 kap. 7-8 §§; check: derived as 1/12 × 1.4789 / 1.2066 × prisbasbelopp 58 800 kr (7 246.61 / 5 912.34), rounded to whole kronor',
    value: { single: '7247', cohabitingEach: '5912' },
  },
  {
    validFrom: '2025-07-01',
    validTo: '2025-12-31',
    source: `${NEW_ACT}; check: derived as 1/12 × 1.4789 / 1.2066 × prisbasbelopp 58 800 kr (7 246.61 / 5 912.34), rounded to whole kronor`,
    value: { single: '7247', cohabitingEach: '5912' },
  },
  {
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    source: `${NEW_ACT}; check: derived as 1/12 × 1.4789 / 1.2066 × prisbasbelopp 59 200 kr (7 295.91 / 5 952.56), rounded to whole kronor`,
    value: { single: '7296', cohabitingEach: '5953' },
  },
]);
