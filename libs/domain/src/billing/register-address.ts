import { addDays, LocalDate, parseLocalDate } from '../dates/local-date';
import { firstDayOfPeriod, periodOf } from './period';
import type { PostalAddress } from './types';

// A client's address as the population register reports it (VTJ change feed: a new permanent
// address, VAKINAINEN_KOTIMAINEN_OSOITE, or a security ban, TURVAKIELTO) becomes the residence
// address of the client's billing settings. Settings are dated versions, never deleted
// (docs/domain.md §3, seed 002 p.7): the address is a dated fact, so the version in force when it
// takes effect is split there, and versions that start later carry it too. Invoices already made
// keep the recipient they were made with.
//
// A security ban (turvakielto / skyddad identitet, Act 661/2009 on the population information system, § 36) puts
// the address out of reach: the register does not give it, and invoicing keeps none. From the
// ban's date the versions hold no residence address and are flagged protected, so nothing that
// prints an address (invoices, Finvoice, letters, the collection transfer) can print a stale or
// protected one; the billing run lists the client for the billing team instead.

/** What the register reported, as invoicing applies it. */
export interface RegisterAddress {
  /** The day the register says the address applies from (alkupv), or the day it recorded the change. */
  readonly effectiveDate: LocalDate;
  /** The new address; null under a security ban, or when a ban ended and the register gave no address. */
  readonly address: PostalAddress | null;
  /** A security ban is in force from the effective date. */
  readonly protected: boolean;
}

/** A settings version as far as the address is concerned. */
export interface AddressVersion {
  readonly id: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly residenceAddress: PostalAddress | null;
  readonly addressProtected: boolean;
}

export type AddressStep =
  /** The version ends the day before `from`; a copy with the register's address runs from `from` to the version's old end. */
  | { readonly kind: 'split'; readonly versionId: string; readonly endOn: LocalDate; readonly from: LocalDate; readonly to: LocalDate | null }
  /** The version starts on or after `from`: it takes the register's address in place (its history keeps the old one). */
  | { readonly kind: 'replace'; readonly versionId: string };

export interface AddressPlan {
  /** The first day the address applies to billing. */
  readonly from: LocalDate;
  readonly residenceAddress: PostalAddress | null;
  readonly addressProtected: boolean;
  /** Empty when every version from `from` on already says so (a change read twice changes nothing). */
  readonly steps: readonly AddressStep[];
  /** Why nothing changes, when nothing does. */
  readonly unchanged: string | null;
}

/**
 * The first day a register address applies to billing: the first day of the billing period the
 * client moved in. An invoice is made after its period, when the client already lives at the new
 * address, so the invoice of the month of the move goes there; invoices already made keep theirs.
 * (A change a person enters takes effect from the next billing period instead — `settingsEffectiveFrom` —
 * because the person enters it while the current period may already be billed.)
 */
export function registerAddressEffectiveFrom(effectiveDate: LocalDate): LocalDate {
  return firstDayOfPeriod(periodOf(parseLocalDate(effectiveDate, 'effectiveDate')));
}

function sameAddress(a: PostalAddress | null, b: PostalAddress | null): boolean {
  if (a === null || b === null) return a === b;
  return a.streetAddress === b.streetAddress && a.postalCode === b.postalCode && a.city === b.city && a.country === b.country;
}

/**
 * How the client's settings versions take the register's address. `versions` in any order.
 * A ban that ended with no address in the report lifts the protection only where it is in force:
 * the version then has no address, which the billing run's error list asks the billing team for.
 */
export function planRegisterAddress(versions: readonly AddressVersion[], change: RegisterAddress): AddressPlan {
  const from = registerAddressEffectiveFrom(change.effectiveDate);
  const plan = { from, residenceAddress: change.address, addressProtected: change.protected };
  if (change.protected && change.address !== null) throw new RangeError('a protected address is never given to invoicing');
  const concerned = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).filter((v) => v.validTo === null || v.validTo >= from);
  if (versions.length === 0) return { ...plan, steps: [], unchanged: 'the client has no billing settings yet: the address is entered with the first version' };
  if (concerned.length === 0) return { ...plan, steps: [], unchanged: `the client's billing settings end before ${from}` };
  const protectionEnded = change.address === null && !change.protected;
  const steps: AddressStep[] = [];
  for (const version of concerned) {
    const already = protectionEnded ? !version.addressProtected : version.addressProtected === change.protected && sameAddress(version.residenceAddress, change.address);
    if (already) continue;
    // Lifting a ban leaves no address behind: there is none to keep.
    if (version.validFrom < from) steps.push({ kind: 'split', versionId: version.id, endOn: addDays(from, -1), from, to: version.validTo });
    else steps.push({ kind: 'replace', versionId: version.id });
  }
  return { ...plan, steps, unchanged: steps.length === 0 ? 'the billing settings already hold this address' : null };
}
