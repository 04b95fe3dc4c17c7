const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id can name a row keyed by uuid: anything else is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An owner lookup that answers "not found" for an id that cannot be a uuid, without asking the database. */
export function byUuid<T>(lookup: (id: string) => Promise<T | undefined>): (id: string) => Promise<T | undefined> {
  return (id) => (isUuid(id) ? lookup(id) : Promise.resolve(undefined));
}
