import type { Database } from '../database/database';
import type { ResourceOwner, ResourceOwnerLookup } from './scope';

/** The id in the path is not one the resource could have: a 400 naming the path parameter, not a 404. */
export class MalformedResourceIdError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An owner lookup (`ScopeResolvers.register(kind, …)`) by one SQL statement that answers the
 * owner's `organisation_id` — and, where the resource has them, `debiting_area` and
 * `provider_id` — for `$1`. With `uuid` (the default) an id that is not a UUID is refused before
 * it reaches the database.
 */
export function sqlOwnerLookup(db: Database, sql: string, options: { uuid?: boolean } = {}): ResourceOwnerLookup {
  return async (id) => {
    if ((options.uuid ?? true) && !UUID.test(id)) throw new MalformedResourceIdError('must be a UUID');
    const [row] = await db.read((tx) => tx.query<{ organisation_id: string; debiting_area?: string | null; provider_id?: string | null }>(sql, [id]));
    if (!row) return undefined;
    const owner: ResourceOwner = { organisationId: row.organisation_id };
    if ('debiting_area' in row) owner.debitingArea = row.debiting_area ?? null;
    if ('provider_id' in row) owner.providerId = row.provider_id ?? null;
    return owner;
  };
}

/** An owner lookup of a resource keyed by uuid: any other id is a 400 naming the path parameter, never a database error. */
export function uuidOwnerLookup(lookup: ResourceOwnerLookup): ResourceOwnerLookup {
  return async (id) => {
    if (!UUID.test(id)) throw new MalformedResourceIdError('must be a UUID');
    return lookup(id);
  };
}
