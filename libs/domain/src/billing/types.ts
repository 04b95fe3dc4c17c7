import type { Country } from '../country';
import type { LocalDate } from '../dates/local-date';
import type { FeeExplanation, RuleVersion } from '../fees/explanation';
import type { DatedTable } from '../rule-tables/dated-table';

/**
 * The inputs and outputs of one client's monthly billing calculation (laskutuslaskenta /
 * debiteringsberäkning, seed 002 p.26-38). Everything here is plain JSON (decimal strings, ISO
 * dates) because it travels through Temporal payloads and Postgres jsonb unchanged.
 */

/** A billing period is a calendar month, 'YYYY-MM'. */
export type BillingPeriod = string;

/** The rule tables in force, by the names of RULE_TABLES; a missing name means the shipped table. */
export type RuleTableSet = Readonly<Record<string, DatedTable<unknown>>>;

/**
 * - `couple`: married or registered partners, calculated with the spouse;
 * - `cohabiting`: living together unmarried (avopuoliso / sambo). Finland's Act treats them as
 *   spouses (the couple rules apply); Sweden pools only spouses' incomes, so a cohabitant pays on
 *   their own income with the couple's minimum amount (SoL 8 kap. 4 § 3 st., 7 § 2 st.).
 */
export type FeeCalculationType = 'single' | 'couple' | 'cohabiting';
export const FEE_CALCULATION_TYPES: readonly FeeCalculationType[] = Object.freeze(['single', 'couple', 'cohabiting']);
export type RecipientKind = 'client' | 'guardian' | 'trustee' | 'relative' | 'estate';

export interface PostalAddress {
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166 alpha-2. */
  readonly country: string;
}

/** The version of the client's billing settings valid on the period's first day. */
export interface BillingSettingsSnapshot {
  /** Debiting area (debiteringsområde / laskutusalue): what selection rules select by. */
  readonly debitingArea: string;
  readonly feeCalculationType: FeeCalculationType;
  /** Accepts the maximum fee (accepterar maxavgift): income is then not needed. */
  readonly acceptsMaximumFee: boolean;
  /** SE: the parish (församling) code; required in Sweden. */
  readonly parishCode: string | null;
  /** The cost-centre account string the invoice rows are booked to (kontosträng). */
  readonly accountString: string | null;
  readonly recipient: {
    readonly kind: RecipientKind;
    readonly name: string | null;
    readonly address: PostalAddress | null;
  };
  readonly residenceAddress: PostalAddress | null;
  /**
   * A security ban (turvakielto / skyddad identitet) is in force: invoicing holds no residence
   * address, and the client's own invoices cannot be addressed (register-address.ts).
   */
  readonly addressProtected: boolean;
}

/** The income the fee decision rests on (later supplied by income verification). Decimal strings. */
export interface IncomeSnapshot {
  readonly validFrom: LocalDate;
  readonly grossMonthlyIncome: string;
  readonly netMonthlyIncome: string;
  /** FI long-term care deductions (§ 10 c-d). */
  readonly deductions: string;
  readonly householdSize: number;
  /** SE: the monthly housing cost counted in the fee room. */
  readonly housingCost: string;
  /** The official's fee decision the income came from (income verification), if it came from one. */
  readonly feeDecision?: DecidedFee | null;
}

/**
 * A fee the official decided from verified incomes (asiakasmaksupäätös, seed 001): billed as
 * decided for as long as the client's decided service is the one the decision was made for.
 */
export interface DecidedFee {
  readonly decisionId: string;
  readonly decidedOn: LocalDate;
  /** The monthly fee as decided, a decimal string in the organisation's currency. */
  readonly fee: string;
  /** The service the fee was decided for: kind, and for home care the hours a month. */
  readonly service: { readonly kind: DecidedService['kind']; readonly hoursPerMonth: string | null };
  /** The authority records the incomes came from, e.g. `Incomes Register report 04b5… (1001, 10/2026)`. */
  readonly incomeSources: readonly string[];
  /** The rule-table versions the decision used. */
  readonly rules: readonly RuleVersion[];
}

/**
 * A decided service the client receives in the period (palvelupäätös / biståndsbeslut).
 * - 'fi-home-care', 'fi-long-term-care', 'se-elderly-care': an income-based monthly fee computed
 *   with the rule tables;
 * - 'fixed-monthly': a decided monthly fee (`monthlyFee`), e.g. a support service.
 * A service valid for part of the period is charged for its days: full month when every day of
 * the month is covered, otherwise monthly fee × days / 30, at most the full fee, half up.
 */
export interface DecidedService {
  readonly serviceCode: string;
  readonly description: string;
  readonly kind: 'fi-home-care' | 'fi-long-term-care' | 'se-elderly-care' | 'fixed-monthly';
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  /** What the service costs to produce a month: the income-based fee never exceeds it. */
  readonly serviceCost: string;
  /** fi-home-care: service hours a month. */
  readonly hoursPerMonth: string | null;
  /** fi-long-term-care: 'enhanced-service-housing' | 'family-care' | 'institutional-care'. */
  readonly careType: string | null;
  /** fixed-monthly: the decided fee. */
  readonly monthlyFee: string | null;
  /** Planned and unplanned absences reduce this service's fee (care fees, not support services). */
  readonly absenceDeductible: boolean;
  /** SE care housing: food is charged per day and an absence deducts the food price per day. */
  readonly includesCareHousingFood: boolean;
}

/** A price-list item (hinnasto / prislista) registrations are priced by. */
export interface PriceListItem {
  readonly code: string;
  readonly name: string;
  readonly unit: 'hour' | 'piece' | 'day';
  readonly price: string;
  /** Unit staff may correct piece-priced items (food basket, rent, lost alarm button). */
  readonly piecePriced: boolean;
  /** Counted in the SE maxtaxa (care services) — corrections to it are the billing team's. */
  readonly affectsMaximumFee: boolean;
}

/** A performed service registered as time or quantity (seed 002: registrering). */
export interface Registration {
  readonly id: string;
  readonly itemCode: string;
  readonly performedOn: LocalDate;
  /** Hours (time) or pieces (quantity), a decimal string. */
  readonly quantity: string;
}

export interface Absence {
  readonly id: string;
  readonly kind: 'planned' | 'unplanned';
  /** Planned absences: when the client notified (the first deductible day may move). */
  readonly notifiedOn: LocalDate | null;
  readonly firstDay: LocalDate;
  /** Null: open-ended (the client is still away) — deducted to the period's end and watched. */
  readonly lastDay: LocalDate | null;
}

/** A fee correction: a signed amount (a deduction is negative) with its invoice text. */
export interface Correction {
  readonly id: string;
  readonly amount: string;
  readonly text: string;
  readonly itemCode: string | null;
}

export interface RentContract {
  readonly housing: 'care' | 'service-apartment';
  readonly moveIn: LocalDate;
  readonly moveOut: LocalDate | null;
  readonly moveOutRent: 'half' | 'full' | null;
  readonly monthlyRent: string;
  /** The period whose invoice carries the rent-free month's deduction, when one was granted. */
  readonly rentFreeMonthPeriod: BillingPeriod | null;
}

export interface ClientBillingInput {
  readonly clientId: string;
  readonly clientNumber: string;
  readonly name: string;
  readonly country: Country;
  readonly period: BillingPeriod;
  readonly dateOfDeath: LocalDate | null;
  readonly settings: BillingSettingsSnapshot | null;
  readonly income: IncomeSnapshot | null;
  readonly services: readonly DecidedService[];
  readonly registrations: readonly Registration[];
  readonly absences: readonly Absence[];
  readonly corrections: readonly Correction[];
  readonly rent: RentContract | null;
}

/** A couple is calculated together (seed 002: "beräknas tillsammans"). */
export interface HouseholdBillingInput {
  readonly period: BillingPeriod;
  readonly clients: readonly ClientBillingInput[];
  readonly priceList: readonly PriceListItem[];
  readonly ruleTables: RuleTableSet;
}

export type BillingErrorCode =
  | 'settings-missing'
  | 'income-missing'
  | 'parish-code-missing'
  | 'account-string-missing'
  | 'recipient-missing'
  | 'address-missing'
  | 'address-protected'
  | 'spouse-missing'
  | 'price-missing'
  | 'rule-missing'
  | 'invalid-input';

export interface BillingError {
  readonly code: BillingErrorCode;
  /** What the billing team reads in the error list. */
  readonly message: string;
  /** The setting or input to fix, e.g. 'settings.parishCode'. */
  readonly field: string;
}

export type BillingRowKind =
  | 'care-fee'
  | 'service'
  | 'absence-deduction'
  | 'food'
  | 'food-deduction'
  | 'rent'
  | 'rent-free-month'
  | 'correction';

export interface BillingRow {
  readonly kind: BillingRowKind;
  readonly description: string;
  /** The service or price-list code the row comes from, if any. */
  readonly code: string | null;
  readonly quantity: string | null;
  readonly unitPrice: string | null;
  /** Signed decimal string in the organisation's currency; negative for a deduction. */
  readonly amount: string;
  readonly accountString: string | null;
  readonly explanation: FeeExplanation;
}

export type ClientBilling =
  | {
      readonly clientId: string;
      readonly status: 'calculated';
      readonly rows: readonly BillingRow[];
      /** The invoice total, a decimal string; zero or negative totals make no invoice. */
      readonly total: string;
      /** Registrations and absences the calculation used (the journal's reported services). */
      readonly registrationIds: readonly string[];
      readonly openAbsenceIds: readonly string[];
    }
  | {
      readonly clientId: string;
      readonly status: 'error';
      readonly errors: readonly BillingError[];
    };
