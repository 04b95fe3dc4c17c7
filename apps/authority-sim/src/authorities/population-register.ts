import { badRequest, notFound } from '../http-json';
import { AuthorityData, FixtureAddress, FixturePerson } from './persons';
import { el, esc } from './xml';

/**
 * The population register (VTJ, Digital and Population Data Services Agency DVV):
 * - the SoSo person query `TeeHenkilonTunnusKysely` (X-Road service FI.GOV.0245437-2.VTJkysely,
 *   HenkilonTunnusKysely) answering a `VTJHenkiloVastaussanoma` of the "Perussanoma 3" kind:
 *   names, permanent address, home municipality, death, security ban, guardianship, marital
 *   status, spouse and the persons living in the dwelling; dates yyyyMMdd;
 * - the change interface (VTJ-muutosrajapinta, REST/JSON): `GET kirjausavain/{date}` and
 *   `POST muutokset {viimeisinKirjausavain, hetulista}`.
 */

export const VTJ_NS = { soso: 'http://tempuri.org/', answer: 'http://xml.vrk.fi/schema/vtjkysely' };

const MARITAL_CODES: Record<FixturePerson['maritalStatus'], [string, string]> = {
  unmarried: ['1', 'Naimaton'],
  married: ['2', 'Avioliitossa'],
  divorced: ['4', 'Eronnut'],
  widowed: ['5', 'Leski'],
};

const compact = (date: string | undefined | null): string => (date ? date.replace(/-/g, '') : '');

export interface PersonQuery {
  identityCode: string;
  endUser: string;
  product: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads TeeHenkilonTunnusKysely; checks the SoSo credentials when the stand-in has some configured. */
export function parsePersonQuery(name: string, content: Record<string, unknown>, credentials?: { username: string; password: string }): PersonQuery {
  if (name !== 'TeeHenkilonTunnusKysely') throw badRequest('Body', `${name} is not an operation of this service (TeeHenkilonTunnusKysely)`);
  const product = text(content.SoSoNimi);
  if (!product) throw badRequest('SoSoNimi', 'must name the product (e.g. PERUSSANOMA3)');
  if (credentials && (content.Kayttajatunnus !== credentials.username || content.Salasana !== credentials.password)) {
    throw badRequest('Kayttajatunnus', 'the user name or password is wrong');
  }
  const endUser = text(content.Loppukayttaja);
  if (!endUser) throw badRequest('Loppukayttaja', 'must name the end user on whose behalf the query is made');
  const identityCode = text(content.Henkilotunnus);
  if (!identityCode) throw badRequest('Henkilotunnus', 'is required');
  return { identityCode, endUser, product };
}

const nameXml = (person: FixturePerson | undefined, hetu: string) =>
  `<Henkilotunnus>${esc(hetu)}</Henkilotunnus><NykyinenSukunimi>${el('Sukunimi', person?.lastName ?? '')}</NykyinenSukunimi><NykyisetEtunimet>${el('Etunimet', person?.firstNames ?? '')}</NykyisetEtunimet>`;

function addressXml(address: FixtureAddress | null, securityBan: boolean): string {
  // A person under a security ban (turvakielto) has no address in the answer.
  const a = securityBan ? null : address;
  return (
    `<VakinainenKotimainenOsoite>${el('LahiosoiteS', a?.street ?? '')}${el('LahiosoiteR', a?.street ?? '')}${el('Postinumero', a?.postalCode ?? '')}` +
    `${el('PostitoimipaikkaS', a?.city ?? '')}${el('PostitoimipaikkaR', a?.city ?? '')}<AsuminenAlkupvm></AsuminenAlkupvm><AsuminenLoppupvm></AsuminenLoppupvm></VakinainenKotimainenOsoite>`
  );
}

/** The SOAP body of the answer: found (koodi 0000) or not found (0001). */
export function personAnswer(data: AuthorityData, query: PersonQuery): string {
  const person = data.persons.get(query.identityCode);
  const found = person !== undefined;
  const status = found ? `<Paluukoodi koodi="0000">Haku onnistui</Paluukoodi>` : `<Paluukoodi koodi="0001">Hakuperusteella ei löydy tietoja vtj:stä</Paluukoodi>`;
  const criteria = `<Hakuperusteet><Henkilotunnus hakuperustePaluukoodi="${found ? 1 : 0}" hakuperusteTekstiS="${found ? 'Löytyi' : 'Ei löytynyt'}">${esc(query.identityCode)}</Henkilotunnus></Hakuperusteet>`;
  let henkilo = '';
  if (person) {
    const [code, label] = MARITAL_CODES[person.maritalStatus];
    const spouse = person.spouse ? `<Puoliso>${nameXml(data.persons.get(person.spouse), person.spouse)}</Puoliso>` : '';
    const residents = person.householdMembers.map((hetu) => `<Asukas>${nameXml(data.persons.get(hetu), hetu)}</Asukas>`).join('');
    const guardian = person.guardian
      ? `<YritysJaYhteisoEdunvalvoja>${el('Nimi', person.guardian.name)}${el('LahiosoiteS', person.guardian.address.street)}${el('Postinumero', person.guardian.address.postalCode)}${el('PostitoimipaikkaS', person.guardian.address.city)}</YritysJaYhteisoEdunvalvoja>`
      : '';
    henkilo =
      `<Henkilo>${nameXml(person, person.hetu)}${addressXml(person.address, person.securityBan)}` +
      `<Kotikunta>${el('Kuntanumero', person.homeMunicipality.code)}${el('KuntaS', person.homeMunicipality.name)}${el('KuntaR', person.homeMunicipality.name)}<KuntasuhdeAlkupvm></KuntasuhdeAlkupvm></Kotikunta>` +
      `<Kuolintiedot>${el('Kuollut', person.death ? '1' : '')}${el('Kuolinpvm', compact(person.death?.date))}</Kuolintiedot>` +
      `<Turvakielto>${el('TurvakieltoTieto', person.securityBan ? '1' : '0')}<TurvakieltoPaattymispvm></TurvakieltoPaattymispvm></Turvakielto>` +
      `<Siviilisaaty>${el('Siviilisaatykoodi', code)}${el('SiviilisaatyS', label)}</Siviilisaaty>${spouse}` +
      `<AsukasLkm>${1 + person.householdMembers.length}</AsukasLkm>${residents}` +
      `<Edunvalvonta>${el('EdunvalvontaTieto', person.guardian ? '1' : '')}${guardian}</Edunvalvonta></Henkilo>`;
  }
  const answer = `<VTJHenkiloVastaussanoma xmlns="${VTJ_NS.answer}">${status}${criteria}${henkilo}</VTJHenkiloVastaussanoma>`;
  return `<TeeHenkilonTunnusKyselyResponse xmlns="${VTJ_NS.soso}"><TeeHenkilonTunnusKyselyResult>${answer}</TeeHenkilonTunnusKyselyResult></TeeHenkilonTunnusKyselyResponse>`;
}

/** One data group of a change (tietoryhmä), in the change interface's JSON form. */
export type ChangeGroup = Record<string, unknown> & { tietoryhma: string; muutosattribuutti: 'LISATTY' | 'MUUTETTU' | 'POISTETTU' };

interface ChangeEvent {
  key: number;
  hetu: string;
  /** When the register recorded the change (muutospv). */
  at: string;
  groups: ChangeGroup[];
}

export type ChangeCommand =
  | { kind: 'death'; identityCode: string; date: string }
  | {
      kind: 'address';
      identityCode: string;
      street: string;
      postalCode: string;
      city: string;
      from: string;
      /** The new home municipality (kotikunta) when the move changes it: its number and name. Left out: the move stays in the person's municipality. */
      homeMunicipality?: { code: string; name: string };
    }
  | { kind: 'security-ban'; identityCode: string; active: boolean };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dvvDate = (date: string) => ({ arvo: date, tarkkuus: 'PAIVA' });
/** How many changes one muutokset answer carries at most before it says it is not yet up to date. */
const PAGE = 100;
/** The change interface takes at most this many identity codes per call. */
export const MAX_HETULIST = 1000;

/** The register's change log: keys grow by one per recorded change (kirjausavain). */
export class PopulationChanges {
  private readonly events: ChangeEvent[] = [];
  private nextKey = 1000;

  constructor(private readonly data: AuthorityData) {
    // The deaths already in the fixtures were recorded the day after.
    for (const person of data.persons.values()) {
      if (person.death) this.append(person.hetu, `${person.death.date}T12:00:00Z`, [{ tietoryhma: 'KUOLINPAIVA', muutosattribuutti: 'LISATTY', kuollut: true, kuolinpv: dvvDate(person.death.date) }]);
    }
    this.events.sort((a, b) => a.at.localeCompare(b.at));
    this.events.forEach((event, i) => (event.key = 1000 + i));
    this.nextKey = 1000 + this.events.length;
  }

  private append(hetu: string, at: string, groups: ChangeGroup[]): ChangeEvent {
    const event = { key: this.nextKey++, hetu, at, groups };
    this.events.push(event);
    return event;
  }

  /** The key to start from to get every change recorded on or after `date` (kirjausavain/{date}). */
  keyForDate(date: string): number {
    if (!DATE.test(date)) throw badRequest('date', 'must be a date YYYY-MM-DD');
    const first = this.events.find((event) => event.at.slice(0, 10) >= date);
    return (first ? first.key : this.nextKey) - 1;
  }

  /** The changes after `after` of the listed persons, at most a page; `ajanTasalla` when none remain. */
  changesAfter(after: unknown, hetulista: unknown): { viimeisinKirjausavain: number; muutokset: unknown[]; ajanTasalla: boolean } {
    if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) throw badRequest('viimeisinKirjausavain', 'must be the key a previous call returned');
    if (!Array.isArray(hetulista) || !hetulista.every((h) => typeof h === 'string')) throw badRequest('hetulista', 'must be a list of identity codes');
    if (hetulista.length > MAX_HETULIST) throw badRequest('hetulista', `may name at most ${MAX_HETULIST} persons`);
    const wanted = new Set(hetulista as string[]);
    const later = this.events.filter((event) => event.key > after);
    const page = later.slice(0, PAGE);
    const last = page.length > 0 ? page[page.length - 1].key : Math.max(after, this.nextKey - 1);
    return {
      viimeisinKirjausavain: last,
      muutokset: page.filter((event) => wanted.has(event.hetu)).map((event) => ({ henkilotunnus: event.hetu, muutospv: event.at, tietoryhmat: event.groups })),
      ajanTasalla: later.length <= PAGE,
    };
  }

  /** Records a change (the stand-in's control API) and applies it to the person's data. */
  record(command: unknown, now: Date): { key: number } {
    const c = command as ChangeCommand;
    if (!c || typeof c !== 'object') throw badRequest('body', 'must describe a change');
    const person = this.data.persons.get(typeof c.identityCode === 'string' ? c.identityCode : '');
    if (!person) throw notFound('identityCode', 'no such person in the stand-in');
    const at = now.toISOString();
    switch (c.kind) {
      case 'death':
        if (!DATE.test(c.date ?? '')) throw badRequest('date', 'must be a date YYYY-MM-DD');
        person.death = { date: c.date };
        return { key: this.append(person.hetu, at, [{ tietoryhma: 'KUOLINPAIVA', muutosattribuutti: 'LISATTY', kuollut: true, kuolinpv: dvvDate(c.date) }]).key };
      case 'address': {
        for (const field of ['street', 'postalCode', 'city'] as const) if (typeof c[field] !== 'string' || c[field] === '') throw badRequest(field, 'is required');
        if (!DATE.test(c.from ?? '')) throw badRequest('from', 'must be a date YYYY-MM-DD');
        const home = c.homeMunicipality;
        if (home !== undefined && (typeof home !== 'object' || home === null || typeof home.code !== 'string' || !/^\d{3}$/.test(home.code) || typeof home.name !== 'string' || home.name === '')) {
          throw badRequest('homeMunicipality', 'must be { code: a three-digit municipality number, name }');
        }
        person.address = { street: c.street, postalCode: c.postalCode, city: c.city };
        const group: ChangeGroup = person.securityBan
          ? { tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE', muutosattribuutti: 'MUUTETTU', turvakiellonAlaisetKentat: ['katunimi', 'katunumero', 'postinumero', 'postitoimipaikka'] }
          : { tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE', muutosattribuutti: 'MUUTETTU', katunimi: { fi: c.street, sv: c.street }, postinumero: c.postalCode, postitoimipaikka: { fi: c.city, sv: c.city }, alkupv: dvvDate(c.from) };
        // The stand-in reports the home municipality (KOTIKUNTA) with every address change: the new
        // one for a move to another municipality, the person's own for a move inside it (the real
        // register reports the group when it changes; the rest the person query answers). Under a
        // security ban it is hidden like the address.
        const changed = home !== undefined && home.code !== person.homeMunicipality.code;
        if (home !== undefined) person.homeMunicipality = { code: home.code, name: home.name };
        const now = person.homeMunicipality;
        const homeGroup: ChangeGroup = person.securityBan
          ? { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', turvakiellonAlaisetKentat: ['kuntakoodi', 'kuntanimi'] }
          : { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', kuntakoodi: now.code, kuntanimi: { fi: now.name, sv: now.name }, ...(changed ? { kuntaanMuuttopv: dvvDate(c.from) } : {}) };
        return { key: this.append(person.hetu, at, [group, homeGroup]).key };
      }
      case 'security-ban':
        if (typeof c.active !== 'boolean') throw badRequest('active', 'must be true or false');
        person.securityBan = c.active;
        return { key: this.append(person.hetu, at, [{ tietoryhma: 'TURVAKIELTO', muutosattribuutti: c.active ? 'LISATTY' : 'POISTETTU', turvakieltoAktiivinen: c.active }]).key };
      default:
        throw badRequest('kind', 'must be death, address or security-ban');
    }
  }
}
