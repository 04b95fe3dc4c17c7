import { LocalDate, addDays, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';

/**
 * A provider's price lists for one service (hinnasto, seed 003 §1.3.7 and §2.4): one for the
 * whole company and one for each unit (toimipaikka) that has its own. A list is valid "until
 * further notice": until the day before the next list of the same unit — or of the company —
 * starts. It applies by the date of the service event, not the date it was entered: events of
 * December 2015 recorded in January 2016 take the list in force in December.
 */
export interface DatedPriceList {
  readonly id: string;
  /** The unit the list is for; null for the company's list. */
  readonly unitId: string | null;
  readonly validFrom: LocalDate;
}

export interface PriceListPeriod extends DatedPriceList {
  /** The day before the next list of the same unit starts; null while none follows. */
  readonly validTo: LocalDate | null;
}

/** Each list with the period it is valid for. Two lists of the same unit starting the same day are refused. */
export function priceListPeriods(lists: readonly DatedPriceList[]): PriceListPeriod[] {
  const byUnit = new Map<string | null, DatedPriceList[]>();
  for (const list of lists) {
    const validFrom = parseLocalDate(list.validFrom, 'validFrom');
    const same = byUnit.get(list.unitId) ?? [];
    if (same.some((other) => other.validFrom === validFrom)) {
      throw new DomainValidationError(`${list.unitId === null ? 'the company' : 'the unit'} already has a price list from ${validFrom}`, 'validFrom');
    }
    same.push({ ...list, validFrom });
    byUnit.set(list.unitId, same);
  }
  return [...byUnit.values()].flatMap((same) => {
    const ordered = [...same].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    return ordered.map((list, index) => ({ ...list, validTo: index + 1 < ordered.length ? addDays(ordered[index + 1].validFrom, -1) : null }));
  });
}

function inForce(period: PriceListPeriod, date: LocalDate): boolean {
  return period.validFrom <= date && (period.validTo === null || date <= period.validTo);
}

/**
 * The list that prices an event of `unitId` on `date`: the unit's own list in force that day,
 * otherwise the company's. Undefined when neither is in force (the event cannot be priced).
 */
export function priceListFor(lists: readonly DatedPriceList[], query: { unitId: string | null; date: LocalDate }): PriceListPeriod | undefined {
  const date = parseLocalDate(query.date, 'date');
  const periods = priceListPeriods(lists);
  const own = query.unitId === null ? undefined : periods.find((period) => period.unitId === query.unitId && inForce(period, date));
  return own ?? periods.find((period) => period.unitId === null && inForce(period, date));
}
