import type { Country } from '../country';
import { LocalDate, compareLocalDates, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { decimal } from '../money/decimal';
import { DatedTable, RULE_STATUSES, RuleStatus, statusOf } from '../rule-tables/dated-table';

/**
 * `confirmed`: read from the central bank's own notice (Suomen Pankin ilmoitus, the Riksbank's
 * decision). `check`: from secondary sources, or derived by the statutory rule from a policy rate
 * that is on record: usable, listed for an administrator to confirm. `estimate`: the half-year's
 * rate has not been published; no interest is computed for its days.
 */
export type RateStatus = RuleStatus;

/** One half-year's reference rate (viitekorko / referensränta), valid on both end dates. */
export interface ReferenceRatePeriod {
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
  /** Percent per year as a decimal string, e.g. '3.50'; Sweden's was negative 2016-2019. */
  readonly referenceRatePercent: string;
  readonly status: RateStatus;
  readonly source: string;
}

export type ReferenceRateTable = readonly ReferenceRatePeriod[];

/**
 * Late-payment interest (viivästyskorko / dröjsmålsränta) = reference rate + this margin:
 * FI korkolaki 633/1982 § 4 (7 pp), SE räntelagen 1975:635 § 6 (8 pp).
 */
export const LATE_INTEREST_MARGIN_PERCENT: Readonly<Record<Country, string>> = Object.freeze({ FI: '7', SE: '8' });

function half(year: number, which: 1 | 2, referenceRatePercent: string, status: RateStatus, source: string): ReferenceRatePeriod {
  return Object.freeze({
    validFrom: which === 1 ? `${year}-01-01` : `${year}-07-01`,
    validTo: which === 1 ? `${year}-06-30` : `${year}-12-31`,
    referenceRatePercent,
    status,
    source,
  });
}

// FI § 12: the ECB's main refinancing rate of the last operation before the half-year, rounded
// up to the next half percentage point; the Bank of Finland publishes it.
const BOF_STATISTICS = 'Bank of Finland statistics, "Reference rate and penalty interest rates" (korkolaki 633/1982 § 12)';
const FI_ZERO_YEARS = [2017, 2018, 2019, 2020, 2021, 2022];

const FI_REFERENCE_RATES: ReferenceRateTable = Object.freeze([
  half(2016, 1, '0.50', 'confirmed', BOF_STATISTICS),
  half(2016, 2, '0.00', 'confirmed', BOF_STATISTICS),
  // Seed 000 (2017): "viivästyskorko 7 %" = 0.0 % + 7 pp.
  ...FI_ZERO_YEARS.flatMap((year) => [half(year, 1, '0.00', 'confirmed', BOF_STATISTICS), half(year, 2, '0.00', 'confirmed', BOF_STATISTICS)]),
  half(2023, 1, '2.50', 'confirmed', `${BOF_STATISTICS}; Suomen Pankin ilmoitus SDK 1276/2022`),
  half(2023, 2, '4.00', 'confirmed', BOF_STATISTICS),
  half(2024, 1, '4.50', 'confirmed', `${BOF_STATISTICS}; Bank of Finland release "Korkolain mukainen viitekorko ja viivästyskorot 1.1.–30.6.2024"`),
  half(2024, 2, '4.50', 'confirmed', `${BOF_STATISTICS}; Suomen Pankin ilmoitus 25.6.2024 (Suomen säädöskokoelma)`),
  half(2025, 1, '3.50', 'confirmed', `${BOF_STATISTICS}; Bank of Finland release for 1.1.–30.6.2025`),
  half(2025, 2, '2.50', 'check', 'derived by korkolaki § 12 from the ECB main refinancing rate 2.15 % (from 11.6.2025) rounded up to the next half point; the Bank of Finland notice for 1.7.–31.12.2025 is not on file'),
  half(2026, 1, '2.50', 'confirmed', 'Bank of Finland release "Korkolain mukainen viitekorko ja viivästyskorot 1.1.–30.6.2026" (2.5 %, penalty interest 9.5 %)'),
  half(2026, 2, '2.50', 'estimate', 'not confirmed: the Bank of Finland notice for 1.7.–31.12.2026 is not on file; 1–6/2026 carried forward. An administrator enters the notified rate; until then no interest is computed for these days'),
  half(2027, 1, '2.50', 'estimate', 'not published yet (the ECB rate of the last operation before 1.1.2027 decides it); 1–6/2026 carried forward. No interest is computed for these days until an administrator enters the notified rate'),
  half(2027, 2, '2.50', 'estimate', 'not published yet (the ECB rate of the last operation before 1.7.2027 decides it); 1–6/2026 carried forward. No interest is computed for these days until an administrator enters the notified rate'),
]);

// SE räntelagen § 9: the Riksbank's policy rate at the end of the previous half-year, rounded up
// to the next half percentage point where needed.
const SE_SECONDARY = 'secondary sources (loanster.se and mystep.se tables of the Riksbank reference rate), not yet compared with the Riksbank decisions';

const SE_REFERENCE_RATES: ReferenceRateTable = Object.freeze([
  half(2016, 1, '0.00', 'check', SE_SECONDARY),
  half(2016, 2, '-0.50', 'check', SE_SECONDARY),
  half(2017, 1, '-0.50', 'confirmed', 'Tillkännagivande SFS 2017:1 av uppgift om Riksbankens referensränta'),
  half(2017, 2, '-0.50', 'confirmed', 'Tillkännagivande SFS 2017:843 av uppgift om Riksbankens referensränta'),
  half(2018, 1, '-0.50', 'check', SE_SECONDARY),
  half(2018, 2, '-0.50', 'check', SE_SECONDARY),
  half(2019, 1, '-0.50', 'check', SE_SECONDARY),
  half(2019, 2, '0.00', 'check', SE_SECONDARY),
  half(2020, 1, '0.00', 'check', SE_SECONDARY),
  half(2020, 2, '0.00', 'check', SE_SECONDARY),
  half(2021, 1, '0.00', 'check', SE_SECONDARY),
  half(2021, 2, '0.00', 'check', SE_SECONDARY),
  half(2022, 1, '0.00', 'check', SE_SECONDARY),
  half(2022, 2, '0.50', 'check', SE_SECONDARY),
  half(2023, 1, '2.50', 'check', SE_SECONDARY),
  half(2023, 2, '3.50', 'confirmed', 'Riksbank news 3.7.2023, "Referensräntan fastställd till 3,50 procent"'),
  half(2024, 1, '4.00', 'check', 'secondary source (capway.se, "Referensräntan fastställd till 4,00 %" for 1.1.–30.6.2024; mystep.se)'),
  half(2024, 2, '4.00', 'check', SE_SECONDARY),
  half(2025, 1, '3.00', 'check', SE_SECONDARY),
  half(2025, 2, '2.00', 'check', SE_SECONDARY),
  half(2026, 1, '2.00', 'check', `${SE_SECONDARY}; agrees with räntelagen § 9: the policy rate 1.75 % at 31.12.2025 rounded up to the next half point`),
  half(2026, 2, '2.00', 'estimate', 'not confirmed: the Riksbank decision for 1.7.–31.12.2026 is not on file; 1–6/2026 carried forward. An administrator enters the decided rate; until then no interest is computed for these days'),
  half(2027, 1, '2.00', 'estimate', 'not published yet (the policy rate at 31.12.2026 decides it); 1–6/2026 carried forward. No interest is computed for these days until an administrator enters the decided rate'),
  half(2027, 2, '2.00', 'estimate', 'not published yet (the policy rate at 30.6.2027 decides it); 1–6/2026 carried forward. No interest is computed for these days until an administrator enters the decided rate'),
]);

/** The shipped tables. Organisations correct or extend them as data; pass their table to lateInterest. */
export const REFERENCE_RATES: Readonly<Record<Country, ReferenceRateTable>> = Object.freeze({ FI: FI_REFERENCE_RATES, SE: SE_REFERENCE_RATES });

/**
 * A checked copy of `table`, sorted by date: each row's dates and rate valid, no two rows
 * overlapping (a day with two rates would make the interest ambiguous). Gaps are allowed; a day
 * in a gap is refused when interest is computed.
 */
export function validateReferenceRateTable(table: ReferenceRateTable, field = 'table'): ReferenceRateTable {
  if (!Array.isArray(table)) throw new DomainValidationError('must be a list of reference-rate periods', field);
  const rows = table.map((row, i) => {
    const at = `${field}.${i}`;
    const validFrom = parseLocalDate(row?.validFrom, `${at}.validFrom`);
    const validTo = parseLocalDate(row?.validTo, `${at}.validTo`);
    if (compareLocalDates(validTo, validFrom) < 0) throw new DomainValidationError('must not be before validFrom', `${at}.validTo`);
    decimal(row.referenceRatePercent, `${at}.referenceRatePercent`);
    if (!RULE_STATUSES.includes(row.status)) throw new DomainValidationError(`must be one of ${RULE_STATUSES.join(', ')}`, `${at}.status`);
    if (typeof row.source !== 'string' || row.source.trim() === '') throw new DomainValidationError('must name where the rate comes from', `${at}.source`);
    return Object.freeze({ ...row, validFrom, validTo });
  });
  rows.sort((a, b) => compareLocalDates(a.validFrom, b.validFrom));
  for (let i = 1; i < rows.length; i++) {
    if (compareLocalDates(rows[i].validFrom, rows[i - 1].validTo) <= 0) {
      throw new DomainValidationError(`the periods from ${rows[i - 1].validFrom} and from ${rows[i].validFrom} overlap`, field);
    }
  }
  return Object.freeze(rows);
}

/** A reference-rate period as a rule-table value: the rate, percent per year. */
export interface ReferenceRateValue {
  readonly referenceRatePercent: string;
}

/** The shipped periods as a dated rule table, to be kept and corrected with the others. */
export function referenceRateRuleTable(country: Country): DatedTable<ReferenceRateValue> {
  return Object.freeze(
    REFERENCE_RATES[country].map((row) =>
      Object.freeze({ validFrom: row.validFrom, validTo: row.validTo, source: row.source, status: row.status, value: Object.freeze({ referenceRatePercent: row.referenceRatePercent }) }),
    ),
  );
}

/**
 * Reference-rate periods from a dated rule table (the database's, with administrators'
 * confirmations). A half-year is closed by definition, so an open-ended row is refused.
 */
export function referenceRatesFromRuleTable(table: DatedTable<ReferenceRateValue>, field = 'table'): ReferenceRateTable {
  return validateReferenceRateTable(
    table.map((row, i) => {
      if (row.validTo === null) throw new DomainValidationError('must end: a reference rate is set for one half-year at a time', `${field}.${i}.validTo`);
      return { validFrom: row.validFrom, validTo: row.validTo, referenceRatePercent: row.value?.referenceRatePercent, status: statusOf(row), source: row.source };
    }),
    field,
  );
}
