import { AuthorityEndpoints, callAuthority, malformed } from './authority-http';

/**
 * The population register's change interface (VTJ muutosrajapinta, "mutpa"): `GET
 * kirjausavain/{date}` gives the key to start from, `POST muutokset` with that key and the
 * identity codes watched gives the changes after it, a page at a time, with the key to go on from
 * and `ajanTasalla` once nothing is left. The identity codes travel in the body only.
 */
export type FeedChange =
  | { kind: 'death'; dateOfDeath: string }
  | { kind: 'address'; street: string; postalCode: string; city: string; from: string | null; homeMunicipality?: string }
  | { kind: 'address'; hidden: true }
  | { kind: 'security-ban'; active: boolean };

export interface FeedEntry {
  identityCode: string;
  /** When the register recorded the change (muutospv), an ISO timestamp. */
  changedAt: string;
  changes: FeedChange[];
}

export interface FeedPage {
  lastKey: number;
  entries: FeedEntry[];
  upToDate: boolean;
}

/** The change interface takes at most this many identity codes a call. */
export const WATCH_LIST_LIMIT = 1000;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const bad = (what: string) => malformed('population register change feed', what);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function json(body: string): Node {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isNode(parsed)) throw bad('the answer is not a JSON object');
    return parsed;
  } catch (error) {
    if (error instanceof SyntaxError) throw bad('the answer is not JSON');
    throw error;
  }
}

function key(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad('viimeisinKirjausavain is not a key');
  return value;
}

function date(value: unknown, what: string): string {
  const text = isNode(value) ? value.arvo : value;
  if (typeof text !== 'string' || !DATE.test(text)) throw bad(`${what} is not a date`);
  return text;
}

const localised = (value: unknown): string => (isNode(value) ? String(value.fi ?? value.sv ?? '') : typeof value === 'string' ? value : '');

/**
 * The home municipality's number in a KOTIKUNTA group (kuntakoodi), when the group gives one: a
 * group removed, or one whose code a security ban hides, gives none.
 */
function homeMunicipalityOf(group: Node): string | undefined {
  if (group.muutosattribuutti === 'POISTETTU' || group.kuntakoodi === undefined) return undefined;
  if (typeof group.kuntakoodi !== 'string' || !/^\d{3}$/.test(group.kuntakoodi)) throw bad('a home municipality change has no municipality number');
  return group.kuntakoodi;
}

/**
 * The entry's changes: an address change carries the home municipality (kotikunta) the same entry
 * reports, as the register records both with a move; a home municipality alone is no address change.
 */
function changesOf(groups: unknown[]): FeedChange[] {
  const found = groups.map(changeOf).filter((c): c is FeedChange => c !== undefined);
  const home = groups.filter((g): g is Node => isNode(g) && g.tietoryhma === 'KOTIKUNTA').map(homeMunicipalityOf).find((code) => code !== undefined);
  if (home === undefined) return found;
  return found.map((change) => (change.kind === 'address' && !('hidden' in change) ? { ...change, homeMunicipality: home } : change));
}

/** One tietoryhmä of an entry; groups the fee process does not use are left out. */
function changeOf(group: unknown): FeedChange | undefined {
  if (!isNode(group) || typeof group.tietoryhma !== 'string') throw bad('a change has no tietoryhma');
  switch (group.tietoryhma) {
    case 'KUOLINPAIVA':
      return group.muutosattribuutti === 'POISTETTU' ? undefined : { kind: 'death', dateOfDeath: date(group.kuolinpv, 'kuolinpv') };
    case 'VAKINAINEN_KOTIMAINEN_OSOITE': {
      if (Array.isArray(group.turvakiellonAlaisetKentat) && group.turvakiellonAlaisetKentat.length > 0) return { kind: 'address', hidden: true };
      const street = localised(group.katunimi);
      const postalCode = typeof group.postinumero === 'string' ? group.postinumero : '';
      if (!street || !/^\d{5}$/.test(postalCode)) throw bad('an address change has no street or postal code');
      return { kind: 'address', street, postalCode, city: localised(group.postitoimipaikka), from: group.alkupv === undefined ? null : date(group.alkupv, 'alkupv') };
    }
    case 'TURVAKIELTO':
      if (typeof group.turvakieltoAktiivinen !== 'boolean') throw bad('a security-ban change says neither on nor off');
      return { kind: 'security-ban', active: group.turvakieltoAktiivinen };
    default:
      return undefined;
  }
}

export function parseFeedPage(body: string): FeedPage {
  const answer = json(body);
  if (!Array.isArray(answer.muutokset)) throw bad('muutokset is not a list');
  if (typeof answer.ajanTasalla !== 'boolean') throw bad('ajanTasalla is missing');
  return {
    lastKey: key(answer.viimeisinKirjausavain),
    upToDate: answer.ajanTasalla,
    entries: answer.muutokset.map((entry: unknown) => {
      if (!isNode(entry) || typeof entry.henkilotunnus !== 'string' || typeof entry.muutospv !== 'string' || !Array.isArray(entry.tietoryhmat)) throw bad('a change names no person, time or groups');
      if (Number.isNaN(Date.parse(entry.muutospv))) throw bad('muutospv is not a time');
      return { identityCode: entry.henkilotunnus, changedAt: new Date(entry.muutospv).toISOString(), changes: changesOf(entry.tietoryhmat) };
    }),
  };
}

/** The key after which the register's changes recorded on or after `date` begin. */
export async function feedKeyForDate(endpoints: AuthorityEndpoints, date: string): Promise<number> {
  const answer = await callAuthority(endpoints.populationChanges, `kirjausavain/${date}`, { method: 'GET' });
  if (answer.status !== 200) throw bad(`kirjausavain answered ${answer.status}`);
  return key(json(answer.body).viimeisinKirjausavain);
}

/** One page of changes after `after` for the watched persons (at most WATCH_LIST_LIMIT). */
export async function feedChangesAfter(endpoints: AuthorityEndpoints, after: number, identityCodes: readonly string[]): Promise<FeedPage> {
  if (identityCodes.length > WATCH_LIST_LIMIT) throw new RangeError(`at most ${WATCH_LIST_LIMIT} identity codes a call`);
  const answer = await callAuthority(endpoints.populationChanges, 'muutokset', { method: 'POST', body: JSON.stringify({ viimeisinKirjausavain: after, hetulista: identityCodes }), contentType: 'application/json' });
  if (answer.status !== 200) throw bad(`muutokset answered ${answer.status}`);
  return parseFeedPage(answer.body);
}
