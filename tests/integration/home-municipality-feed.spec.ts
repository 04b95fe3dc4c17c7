import { Client as PgClient } from 'pg';
import { localDateInZone } from '@clientfees/domain';
import { IncomeVerificationDemo, serviceApi, startIncomeVerificationDemo } from '@clientfees/testing';

/**
 * The home municipality (kotikunta) from the population register's change feed to invoicing
 * (ADR 0035): the demo county serves Western Uusimaa's municipalities; the demo's C-2019 (the
 * stand-ins' fictional Aino Testinen, 120340-902K, of Espoo) moves inside the county to
 * Kauniainen (235), then out of it to Helsinki (091). The stand-in reports KOTIKUNTA with each
 * address change, income verification reads it and sends it with the address, and invoicing keeps
 * it with the change, which the month-end debt list compares with the organisation's municipalities.
 * Invoicing, income verification, the stand-ins and the workflow worker run as processes.
 */
describe('the home municipality with a move reaches invoicing', () => {
  let stack: IncomeVerificationDemo;
  let sql: PgClient;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'home-municipality-test');
  const officer = ['client-fee-officer'];
  const simChange = (change: Record<string, unknown>) => stack.recordPopulationChange('120340-902K', change);
  const readFeed = () => stack.readPopulationFeed('fi-demo');

  beforeAll(async () => {
    stack = await startIncomeVerificationDemo();
    sql = new PgClient({ connectionString: stack.db.url, options: '-c search_path=invoicing' });
    await sql.connect();
  }, 180000);

  afterAll(async () => {
    await sql?.end();
    await stack?.stop();
  });

  it('keeps the home municipality of each move: one inside the county, one out of it', async () => {
    const organisation = await invoicing.ok('GET', '/organisations/fi-demo', ['administrator']);
    expect(organisation.municipalityCodes).toEqual(['049', '078', '149', '224', '235', '257', '444', '710', '755', '927']);
    const [client] = await invoicing.ok('GET', '/clients?organisationId=fi-demo&clientNumber=C-2019', officer);
    const today = localDateInZone(Date.now(), 'Europe/Helsinki');

    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 0 });
    await simChange({ kind: 'address', street: 'Kauniaistentie 5', postalCode: '02700', city: 'Kauniainen', from: today, homeMunicipality: { code: '235', name: 'Kauniainen' } });
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 1, securityBanChanges: 0 });
    await simChange({ kind: 'address', street: 'Uusi katu 1', postalCode: '00100', city: 'Helsinki', from: today, homeMunicipality: { code: '091', name: 'Helsinki' } });
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 1, securityBanChanges: 0 });

    const { rows } = await sql.query('SELECT home_municipality, versions_changed FROM register_address_change WHERE client_id = $1 ORDER BY received_at', [client.id]);
    expect(rows.map((row) => row.home_municipality)).toEqual(['235', '091']);
    // Each moved the billing settings: both are moves; the list reports the later one, out of the county.
    expect(rows.every((row) => row.versions_changed > 0)).toBe(true);
  });
});
