import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { PopulationChangesPolled, RegisterAddressApplied, RegisterAddressChange } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { AUTHORITY_ENDPOINTS } from '../reviews/income-types.provider';
import type { AuthorityEndpoints } from '../authorities/authority-http';
import { FeedEntry, feedChangesAfter, feedKeyForDate, WATCH_LIST_LIMIT } from '../authorities/population-changes.adapter';
import * as changes from './population-change.queries';
import { INVOICING_ADDRESSES, InvoicingAddresses } from './invoicing-addresses';

/** The population register is Finnish: its dates are Helsinki's. */
const ZONE = 'Europe/Helsinki';
const feedReference = (change: changes.PopulationChange) => `population register change feed, key ${change.feedKey}, recorded ${change.changedAt.slice(0, 10)}`;

/**
 * The change as invoicing takes it. A hidden address (the register gives none under a security
 * ban), a ban put in force, and an address the register gave before a ban now in force
 * (`bannedNow`: the feed's latest word on a ban) all say "protected" with no address; a ban that
 * ended says neither, and the next address change brings the address.
 */
export function addressChangeForInvoicing(change: changes.PopulationChange, bannedNow: boolean): RegisterAddressChange {
  const base = { organisationId: change.organisationId, clientId: change.clientId, changeId: change.id, sourceReference: feedReference(change) };
  const recorded = localDateInZone(Date.parse(change.changedAt), ZONE);
  const detail = change.detail;
  if (change.kind === 'security-ban') return { ...base, effectiveDate: recorded, address: null, protected: detail.active === true };
  if (change.kind !== 'address') throw new Error(`population change ${change.id} is a ${change.kind}, not an address`);
  if (detail.hidden === true || bannedNow) return { ...base, effectiveDate: typeof detail.from === 'string' ? detail.from : recorded, address: null, protected: true };
  return {
    ...base,
    effectiveDate: typeof detail.from === 'string' ? detail.from : recorded,
    address: { streetAddress: String(detail.street), postalCode: String(detail.postalCode), city: String(detail.city) },
    protected: false,
    // The home municipality the register gave with the move; null when it did not say (ADR 0035).
    homeMunicipality: typeof detail.homeMunicipality === 'string' ? detail.homeMunicipality : null,
  };
}

/** Reads the population register's change feed for an organisation's clients and records what concerns the fee process. */
@Injectable()
export class PopulationChangesService {
  constructor(
    private readonly db: Database,
    @Inject(AUTHORITY_ENDPOINTS) private readonly endpoints: AuthorityEndpoints,
    @Inject(INVOICING_ADDRESSES) private readonly invoicing: InvoicingAddresses,
  ) {}

  async poll(organisationId: string): Promise<PopulationChangesPolled> {
    const { stored, watched } = await this.db.read(async (tx) => ({ stored: await changes.feedKeyOf(tx, organisationId), watched: await changes.watchedClients(tx, organisationId) }));
    // The first reading starts from today: what happened before, each review's person query saw.
    const start = stored ?? (await feedKeyForDate(this.endpoints, localDateInZone(Date.now(), ZONE)));
    const clientOf = new Map(watched.map((w) => [w.identityCode, w.clientId]));
    const entries: Array<FeedEntry & { key: number }> = [];
    // Each watch list is read to the end from the same key; the feed may grow meanwhile, so the
    // organisation goes on next time from the smallest end reached (a change read twice is recorded once).
    let end = Number.MAX_SAFE_INTEGER;
    const codes = [...clientOf.keys()];
    for (let i = 0; i < Math.max(codes.length, 1); i += WATCH_LIST_LIMIT) {
      let after = start;
      for (;;) {
        const page = await feedChangesAfter(this.endpoints, after, codes.slice(i, i + WATCH_LIST_LIMIT));
        entries.push(...page.entries.map((entry) => ({ ...entry, key: page.lastKey })));
        after = page.lastKey;
        Context.current().heartbeat(after);
        if (page.upToDate) break;
      }
      end = Math.min(end, after);
    }
    return this.db.transaction(async (tx) => {
      let addressChanges = 0;
      let securityBanChanges = 0;
      for (const entry of entries) {
        const clientId = clientOf.get(entry.identityCode);
        if (!clientId) continue;
        for (const change of entry.changes) {
          const { kind, ...detail } = change;
          const isNew = await changes.insertChange(tx, { organisationId, clientId, feedKey: entry.key, kind, detail, changedAt: entry.changedAt });
          if (isNew && kind === 'address') addressChanges++;
          if (isNew && kind === 'security-ban') securityBanChanges++;
        }
      }
      await changes.saveFeedKey(tx, organisationId, end);
      const deaths = (await changes.unreportedDeaths(tx, organisationId)).map((d) => ({
        changeId: d.id,
        organisationId,
        clientId: d.clientId,
        dateOfDeath: String(d.detail.dateOfDeath),
        sourceReference: feedReference(d),
      }));
      const toInvoicing = await changes.unreportedAddressChanges(tx, organisationId);
      return { deaths, addressChanges, securityBanChanges, addressChangeIds: toInvoicing, lastKey: end };
    });
  }

  markReported(changeId: string): Promise<void> {
    return this.db.transaction((tx) => changes.markReported(tx, changeId));
  }

  /**
   * Tells invoicing of an address change or a security ban, then marks it reported. Sent again
   * when the marking did not happen (invoicing answers a repeat as the first time).
   */
  async reportAddressChange(changeId: string): Promise<RegisterAddressApplied> {
    const { change, bannedNow } = await this.db.read(async (tx) => {
      const change = await changes.findChange(tx, changeId);
      if (!change) throw new Error(`no population change ${changeId}`);
      return { change, bannedNow: await changes.securityBanNow(tx, change.organisationId, change.clientId) };
    });
    const applied = await this.invoicing.send(addressChangeForInvoicing(change, bannedNow));
    await this.markReported(changeId);
    return applied;
  }
}
