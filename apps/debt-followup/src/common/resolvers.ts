import type { ResourceOwner, ResourceOwnerLookup } from '@clientfees/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An owner lookup by uuid: anything else is nobody's (404), never a database error. */
export function byUuid(lookup: (id: string) => Promise<ResourceOwner | undefined>): ResourceOwnerLookup {
  return (id) => (UUID.test(id) ? lookup(id) : Promise.resolve(undefined));
}
