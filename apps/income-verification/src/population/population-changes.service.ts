import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { PopulationChangesPolled } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { AUTHORITY_ENDPOINTS } from '../reviews/income-types.provider';
import type { AuthorityEndpoints } from '../authorities/authority-http';
import { FeedEntry, feedChangesAfter, feedKeyForDate, WATCH_LIST_LIMIT } from '../authorities/population-changes.adapter';
import * as changes from './population-change.queries';

/** Reads the population register's change feed for an organisation's clients and records what concerns the fee process. */
@Injectable()
export class PopulationChangesService {
  constructor(
    private readonly db: Database,
    @Inject(AUTHORITY_ENDPOINTS) private readonly endpoints: AuthorityEndpoints,
  ) {}

  async poll(organisationId: string): Promise<PopulationChangesPolled> {
    const { stored, watched } = await this.db.read(async (tx) => ({ stored: await changes.feedKeyOf(tx, organisationId), watched: await changes.watchedClients(tx, organisationId) }));
    // The first reading starts from today: what happened before, each review's person query saw.
    const start = stored ?? (await feedKeyForDate(this.endpoints, localDateInZone(Date.now(), 'Europe/Helsinki')));
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
        sourceReference: `population register change feed, key ${d.feedKey}, recorded ${d.changedAt.slice(0, 10)}`,
      }));
      return { deaths, addressChanges, securityBanChanges, lastKey: end };
    });
  }

  markReported(changeId: string): Promise<void> {
    return this.db.transaction((tx) => changes.markReported(tx, changeId));
  }
}
