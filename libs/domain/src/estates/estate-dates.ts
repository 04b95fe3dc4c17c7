import type { Country } from '../country';
import { parseCountry } from '../country';
import { LocalDate, addDays, addMonths, parseLocalDate } from '../dates/local-date';

/** The dates a client's death sets for their fees and debts (kuolinpesä / dödsbo). */
export interface EstateDates {
  /** Fees are charged up to and including the day of death, never after it. */
  readonly billingEndsOn: LocalDate;
  /**
   * Service vouchers close the day after the death: seed 003 (Kouvola PSOP manual, §4.3.2) —
   * "PSOP sulkee automaattisesti vain ostovoimat kuolinpäivä +1 päivälle".
   */
  readonly voucherClosesOn: LocalDate;
  /**
   * The estate inventory is due three calendar months after the death: FI perunkirjoitus,
   * Code of Inheritance (perintökaari 40/1965) 20:1; SE bouppteckning, Ärvdabalken 20 kap. 1 §.
   * A month too short for the day ends on its last day (2024-11-30 → 2025-02-28).
   */
  readonly inventoryDeadline: LocalDate;
}

/** The months the law gives the heirs for the estate inventory, in both countries. */
export const INVENTORY_MONTHS = 3;

export function estateDates(country: Country, dateOfDeath: LocalDate): EstateDates {
  parseCountry(country);
  const died = parseLocalDate(dateOfDeath, 'dateOfDeath');
  return { billingEndsOn: died, voucherClosesOn: addDays(died, 1), inventoryDeadline: addMonths(died, INVENTORY_MONTHS) };
}

/**
 * What the estate records instead of a full inventory: in Sweden the social welfare board makes a
 * dödsboanmälan (Ärvdabalken 20 kap. 8 a §) when the assets cover no more than the funeral and
 * there is no real property; Finland has no such document, every estate has a perunkirjoitus.
 */
export function inventoryDocumentName(country: Country, language: 'fi' | 'sv' | 'en' = 'en'): string {
  parseCountry(country);
  if (country === 'SE') return language === 'en' ? 'estate inventory (bouppteckning) or estate notification (dödsboanmälan)' : 'bouppteckning eller dödsboanmälan';
  if (language === 'sv') return 'bouppteckning';
  return language === 'fi' ? 'perunkirjoitus' : 'estate inventory (perunkirjoitus)';
}
