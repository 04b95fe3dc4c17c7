import { parseFeedPage } from './population-changes.adapter';
import { addressChangeForInvoicing } from '../population/population-changes.service';
import type { PopulationChange } from '../population/population-change.queries';

/** A muutokset answer as the change interface gives it (the stand-in's form, apps/authority-sim). */
const answer = (tietoryhmat: unknown[]) =>
  JSON.stringify({ viimeisinKirjausavain: 1042, ajanTasalla: true, muutokset: [{ henkilotunnus: '051138-913B', muutospv: '2027-06-11T09:30:00Z', tietoryhmat }] });
const ADDRESS = { tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE', muutosattribuutti: 'MUUTETTU', katunimi: { fi: 'Uusi katu 1', sv: 'Nya gatan 1' }, postinumero: '00100', postitoimipaikka: { fi: 'Helsinki', sv: 'Helsingfors' }, alkupv: { arvo: '2027-06-10', tarkkuus: 'PAIVA' } };
const HOME = { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', kuntakoodi: '091', kuntanimi: { fi: 'Helsinki', sv: 'Helsingfors' }, kuntaanMuuttopv: { arvo: '2027-06-10', tarkkuus: 'PAIVA' } };

const stored = (detail: Record<string, unknown>): PopulationChange => ({
  id: '6f0f3c1e-5d1a-4d3c-9a55-0d7a3c1b2e4f',
  organisationId: 'fi-demo',
  clientId: 'client-eino',
  feedKey: 1042,
  kind: 'address',
  detail,
  changedAt: '2027-06-11T09:30:00.000Z',
  recordedAt: '2027-06-11T09:31:00.000Z',
  reportedAt: null,
});

describe('the change feed’s home municipality (KOTIKUNTA) with an address change', () => {
  it('carries the home municipality of the same entry on its address change, and passes it on to invoicing', () => {
    const [entry] = parseFeedPage(answer([ADDRESS, HOME])).entries;
    expect(entry.changes).toEqual([{ kind: 'address', street: 'Uusi katu 1', postalCode: '00100', city: 'Helsinki', from: '2027-06-10', homeMunicipality: '091' }]);
    const { kind: _kind, ...detail } = entry.changes[0];
    expect(addressChangeForInvoicing(stored(detail), false)).toMatchObject({ effectiveDate: '2027-06-10', protected: false, homeMunicipality: '091', address: { city: 'Helsinki' } });
  });

  it('says nothing of the home municipality for a move the register reports without one (inside the municipality, or an older feed)', () => {
    const [entry] = parseFeedPage(answer([ADDRESS])).entries;
    expect(entry.changes).toEqual([{ kind: 'address', street: 'Uusi katu 1', postalCode: '00100', city: 'Helsinki', from: '2027-06-10' }]);
    const { kind: _kind, ...detail } = entry.changes[0];
    expect(addressChangeForInvoicing(stored(detail), false).homeMunicipality).toBeNull();
  });

  it('gives no home municipality under a security ban, and none for a home municipality change alone', () => {
    const hidden = { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', turvakiellonAlaisetKentat: ['kuntakoodi', 'kuntanimi'] };
    const banned = { tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE', muutosattribuutti: 'MUUTETTU', turvakiellonAlaisetKentat: ['katunimi', 'katunumero', 'postinumero', 'postitoimipaikka'] };
    expect(parseFeedPage(answer([banned, hidden])).entries[0].changes).toEqual([{ kind: 'address', hidden: true }]);
    expect(addressChangeForInvoicing(stored({ hidden: true }), false)).toMatchObject({ protected: true, address: null });
    expect(addressChangeForInvoicing(stored({ hidden: true }), false).homeMunicipality).toBeUndefined();
    expect(parseFeedPage(answer([HOME])).entries[0].changes).toEqual([]);
  });

  it('refuses a home municipality whose number is not one', () => {
    expect(() => parseFeedPage(answer([ADDRESS, { ...HOME, kuntakoodi: '91' }]))).toThrow(/municipality number/);
  });
});
