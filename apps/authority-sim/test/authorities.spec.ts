import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateAgainstSchema } from '@clientfees/testing';
import { AuthoritySim, createAuthoritySim } from '../src/server';

const SCHEMAS = path.join(__dirname, '..', 'schemas');
const IR = (file: string) => path.join(SCHEMAS, 'incomes-register', file);
const VTJ_SCHEMA = path.join(SCHEMAS, 'population-register', 'clientfees-perussanoma3.xsd');

const AINO = '120340-902K';
const EINO = '051138-913B';
const MIKKO = '300179-935P';
const LYYLI = '080836-946D';
/** Kirkkonummi's (257): moves to Helsinki. */
const MOVER = '030650-968W';
const TOIVO = '170245-9572';
const VEIKKO = '140952-9799';
const SIRKKA = '251247-982L';

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

function irRequest(element: string, identityCode: string, from = '2025-11-01', to = '2026-10-31'): string {
  const id = '<Type>1</Type><Code>0245437-2</Code>';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
    `<drtir:${element} xmlns:drtir="http://www.tulorekisteri.fi/2017/1/DataRequestToIR"><Timestamp>2026-11-20T10:00:00Z</Timestamp><QueryDataType>101</QueryDataType>` +
    `<ProductionEnvironment>false</ProductionEnvironment><DeliveryDataOwner>${id}</DeliveryDataOwner><DeliveryDataCreator>${id}</DeliveryDataCreator><DeliveryDataSender>${id}</DeliveryDataSender>` +
    `<DataRequestParameters><TimespanParameter><ParameterType>1</ParameterType><StartDate>${from}</StartDate><EndDate>${to}</EndDate></TimespanParameter>` +
    `<IdCodeParameter><ParameterType>1</ParameterType><IdType>2</IdType><IdCode>${identityCode}</IdCode></IdCodeParameter></DataRequestParameters>` +
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></drtir:${element}></soap:Body></soap:Envelope>`
  );
}

function vtjRequest(identityCode: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
    `<TeeHenkilonTunnusKysely xmlns="http://tempuri.org/"><SoSoNimi>PERUSSANOMA3</SoSoNimi><Kayttajatunnus>user</Kayttajatunnus><Salasana>secret</Salasana>` +
    `<Loppukayttaja>officer-1</Loppukayttaja><Henkilotunnus>${identityCode}</Henkilotunnus></TeeHenkilonTunnusKysely></soap:Body></soap:Envelope>`
  );
}

/** The document inside the SOAP body, serialised again for the schema validator. */
function innerDocument(envelope: string, element: string): string {
  const start = envelope.indexOf(`<${element}`) >= 0 ? envelope.indexOf(`<${element}`) : envelope.search(new RegExp(`<\\w+:${element}[ >]`));
  const closing = envelope.match(new RegExp(`</(\\w+:)?${element}>`))!;
  const end = envelope.indexOf(closing[0]) + closing[0].length;
  return `<?xml version="1.0" encoding="UTF-8"?>${envelope.slice(start, end)}`;
}

describe('authority stand-ins', () => {
  let sim: AuthoritySim;
  let base: string;
  const post = async (url: string, body: string, type = 'text/xml; charset=utf-8') => {
    const response = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: response.status, text: await response.text() };
  };
  const json = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const wages = (hetu: string) => post('/incomes-register/20170526/WageReportQueryService.svc', irRequest('WageReportsOneIncomeEarnerRequestToIR', hetu));
  const benefits = (hetu: string) => post('/incomes-register/20170526/BenefitReportQueryService.svc', irRequest('BenefitReportsOneIncomeEarnerRequestToIR', hetu));
  const person = (hetu: string) => post('/vtj/HenkilonTunnusKysely/v1', vtjRequest(hetu));

  beforeAll(async () => {
    sim = createAuthoritySim({ agency: { callback: { attempts: 1, backoffMs: 1, timeoutMs: 1000 } }, authorities: { vtjCredentials: { username: 'user', password: 'secret' } } });
    base = `http://127.0.0.1:${await sim.listen(0)}`;
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await json('POST', '/sim/faults/reset');
  });

  it('answers earnings and benefit reports that the Incomes Register’s own schemas accept, and a request the register’s schema accepts', async () => {
    const mikkoWages = await wages(MIKKO);
    const ainoBenefits = await benefits(AINO);
    const veikkoWages = await wages(VEIKKO);
    expect([mikkoWages.status, ainoBenefits.status, veikkoWages.status]).toEqual([200, 200, 200]);
    const [wageProblems, emptyProblems] = await validateAgainstSchema(IR('WageReportsFromIR.xsd'), [innerDocument(mikkoWages.text, 'WageReportsFromIR'), innerDocument(veikkoWages.text, 'WageReportsFromIR')]);
    const [benefitProblems] = await validateAgainstSchema(IR('BenefitReportsFromIR.xsd'), [innerDocument(ainoBenefits.text, 'BenefitReportsFromIR')]);
    const [requestProblems] = await validateAgainstSchema(IR('DataRequestToIR.xsd'), [innerDocument(irRequest('WageReportsOneIncomeEarnerRequestToIR', MIKKO), 'WageReportsOneIncomeEarnerRequestToIR')]);
    expect({ wageProblems, emptyProblems, benefitProblems }).toEqual({ wageProblems: [], emptyProblems: [], benefitProblems: [] });
    // The hand-made request's empty signature is the only thing the register's schema refuses in it.
    expect(requestProblems.join(' ')).toMatch(/SignedInfo/);

    const wageDoc = parser.parse(mikkoWages.text).Envelope.Body.WageReportsFromIR;
    expect(wageDoc.Summary.NrOfReports).toBe('12');
    const august = wageDoc.Reports.Report.find((r: { DeliveryData: { PaymentPeriod: { PaymentDate: string } } }) => r.DeliveryData.PaymentPeriod.PaymentDate === '2026-08-15');
    expect(august.Transactions.Transaction.TransactionBasic).toEqual({ TransactionCode: '201', Amount: '0.00' });
    const benefitDoc = parser.parse(ainoBenefits.text).Envelope.Body.BenefitReportsFromIR;
    expect(benefitDoc.Summary.NrOfReports).toBe('36');
    const pension = benefitDoc.Reports.Report.find((r: { Transactions: { Transaction: { TransactionBasic: { TransactionCode: string } } } }) => r.Transactions.Transaction.TransactionBasic.TransactionCode === '1001');
    // 17.5 % withheld from 1,650.00 on Aino's tax card.
    expect(pension.Transactions.Transaction.Deductions.Deduction).toEqual({ DeductionTransactionCode: '1701', Amount: '288.75' });
    expect(parser.parse(veikkoWages.text).Envelope.Body.WageReportsFromIR.Summary.NrOfReports).toBe('0');
  });

  it('refuses a query without the earner or the span with a SOAP fault naming what is missing', async () => {
    const bad = await post('/incomes-register/20170526/WageReportQueryService.svc', irRequest('WageReportsOneIncomeEarnerRequestToIR', MIKKO).replace(/<IdCodeParameter>.*<\/IdCodeParameter>/, ''));
    expect(bad.status).toBe(500);
    expect(bad.text).toContain('<faultcode>soap:Client</faultcode>');
    expect(bad.text).toContain('IdCodeParameter');
    const wrongService = await post('/incomes-register/20170526/WageReportQueryService.svc', irRequest('BenefitReportsOneIncomeEarnerRequestToIR', MIKKO));
    expect(wrongService.text).toContain('is not an operation of WageReportQueryService');
  });

  it('answers person queries in the population register’s data types: address, death, security ban, guardian, spouse and household', async () => {
    const answers = await Promise.all([AINO, EINO, LYYLI, TOIVO, SIRKKA, '010101-999X'].map((hetu) => person(hetu)));
    const documents = answers.map((a) => innerDocument(a.text, 'VTJHenkiloVastaussanoma'));
    expect(await validateAgainstSchema(VTJ_SCHEMA, documents)).toEqual(documents.map(() => []));
    const read = (i: number) => parser.parse(answers[i].text).Envelope.Body.TeeHenkilonTunnusKyselyResponse.TeeHenkilonTunnusKyselyResult.VTJHenkiloVastaussanoma;
    expect(read(0).Henkilo.VakinainenKotimainenOsoite.LahiosoiteS).toBe('Koivukuja 3 A 5');
    expect(read(1).Henkilo.Puoliso.Henkilotunnus).toBe('210741-924K');
    expect(read(1).Henkilo.AsukasLkm).toBe('2');
    expect(read(2).Henkilo.Kuolintiedot).toEqual({ Kuollut: '1', Kuolinpvm: '20261012' });
    expect(read(3).Henkilo.Turvakielto.TurvakieltoTieto).toBe('1');
    expect(read(3).Henkilo.VakinainenKotimainenOsoite.LahiosoiteS).toBe('');
    expect(read(4).Henkilo.Edunvalvonta.YritysJaYhteisoEdunvalvoja.Nimi).toBe('Yleinen edunvalvonta, Länsi-Uusimaa');
    expect(read(5).Paluukoodi['@koodi']).toBe('0001');
    expect(read(5).Henkilo).toBeUndefined();
  });

  it('refuses a person query with the wrong SoSo password', async () => {
    const refused = await post('/vtj/HenkilonTunnusKysely/v1', vtjRequest(AINO).replace('secret', 'guess'));
    expect(refused.text).toContain('the user name or password is wrong');
  });

  it('reports changes after a key for the listed persons only: the fixture death, then an address change and a security ban', async () => {
    const { body: start } = await json('GET', '/vtj/mutpa/api/v1/kirjausavain/2026-10-01');
    const first = await json('POST', '/vtj/mutpa/api/v1/muutokset', { viimeisinKirjausavain: start.viimeisinKirjausavain, hetulista: [LYYLI, AINO] });
    expect(first.body.muutokset).toEqual([
      { henkilotunnus: LYYLI, muutospv: '2026-10-12T12:00:00Z', tietoryhmat: [{ tietoryhma: 'KUOLINPAIVA', muutosattribuutti: 'LISATTY', kuollut: true, kuolinpv: { arvo: '2026-10-12', tarkkuus: 'PAIVA' } }] },
    ]);
    expect(first.body.ajanTasalla).toBe(true);
    await json('POST', '/sim/population-register/changes', { kind: 'address', identityCode: AINO, street: 'Uusikatu 1', postalCode: '02600', city: 'Espoo', from: '2026-12-01' });
    await json('POST', '/sim/population-register/changes', { kind: 'security-ban', identityCode: MIKKO, active: true });
    const next = await json('POST', '/vtj/mutpa/api/v1/muutokset', { viimeisinKirjausavain: first.body.viimeisinKirjausavain, hetulista: [AINO] });
    expect(next.body.muutokset).toHaveLength(1);
    expect(next.body.muutokset[0].tietoryhmat[0]).toMatchObject({ tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE', postinumero: '02600' });
    expect(next.body.viimeisinKirjausavain).toBe(first.body.viimeisinKirjausavain + 2);
    const after = await person(AINO);
    expect(after.text).toContain('Uusikatu 1');
    const tooMany = await json('POST', '/vtj/mutpa/api/v1/muutokset', { viimeisinKirjausavain: 0, hetulista: Array.from({ length: 1001 }, () => AINO) });
    expect(tooMany.status).toBe(400);
  });

  it('reports the home municipality (KOTIKUNTA) with an address change: the new one for a move out, the person’s own for a move inside; hidden under a ban', async () => {
    const { body: start } = await json('GET', '/vtj/mutpa/api/v1/kirjausavain/2026-10-01');
    const moved = await json('POST', '/sim/population-register/changes', {
      kind: 'address',
      identityCode: MOVER,
      street: 'Uusi katu 1',
      postalCode: '00100',
      city: 'Helsinki',
      from: '2026-12-10',
      homeMunicipality: { code: '091', name: 'Helsinki' },
    });
    expect(moved.status).toBe(201);
    await json('POST', '/sim/population-register/changes', { kind: 'address', identityCode: MOVER, street: 'Toinen katu 2', postalCode: '00120', city: 'Helsinki', from: '2026-12-20' });
    const read = await json('POST', '/vtj/mutpa/api/v1/muutokset', { viimeisinKirjausavain: start.viimeisinKirjausavain, hetulista: [MOVER] });
    const groups = read.body.muutokset.filter((m: { tietoryhmat: Array<{ tietoryhma: string }> }) => m.tietoryhmat[0].tietoryhma === 'VAKINAINEN_KOTIMAINEN_OSOITE').map((m: { tietoryhmat: unknown[] }) => m.tietoryhmat);
    expect(groups.slice(-2)).toEqual([
      [expect.objectContaining({ postinumero: '00100' }), { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', kuntakoodi: '091', kuntanimi: { fi: 'Helsinki', sv: 'Helsinki' }, kuntaanMuuttopv: { arvo: '2026-12-10', tarkkuus: 'PAIVA' } }],
      [expect.objectContaining({ postinumero: '00120' }), { tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', kuntakoodi: '091', kuntanimi: { fi: 'Helsinki', sv: 'Helsinki' } }],
    ]);
    // The person query answers the new home municipality too.
    expect((await person(MOVER)).text).toContain('<Kuntanumero>091</Kuntanumero>');
    const bad = await json('POST', '/sim/population-register/changes', { kind: 'address', identityCode: MOVER, street: 'X 1', postalCode: '00100', city: 'Helsinki', from: '2026-12-21', homeMunicipality: { code: '91', name: 'Helsinki' } });
    expect(bad).toMatchObject({ status: 400, body: expect.objectContaining({ field: 'homeMunicipality' }) });
    // Mikko is under a security ban (the test before): his home municipality is hidden like the address.
    const { body: banStart } = await json('GET', '/vtj/mutpa/api/v1/kirjausavain/2026-10-01');
    await json('POST', '/sim/population-register/changes', { kind: 'address', identityCode: MIKKO, street: 'Piilotie 9', postalCode: '02700', city: 'Kauniainen', from: '2026-12-10', homeMunicipality: { code: '235', name: 'Kauniainen' } });
    const hidden = await json('POST', '/vtj/mutpa/api/v1/muutokset', { viimeisinKirjausavain: banStart.viimeisinKirjausavain, hetulista: [MIKKO] });
    expect(hidden.body.muutokset.at(-1).tietoryhmat[1]).toEqual({ tietoryhma: 'KOTIKUNTA', muutosattribuutti: 'MUUTETTU', turvakiellonAlaisetKentat: ['kuntakoodi', 'kuntanimi'] });
    expect(JSON.stringify(hidden.body)).not.toContain('235');
  });

  it('answers yearly taxation data by identity code in the body', async () => {
    const { body } = await json('POST', '/vero/taxation-data/v1/queries', { identityCode: AINO });
    expect(body).toMatchObject({ found: true, taxationDecisions: [{ taxYear: 2025, earnedIncome: '21246.00', capitalIncome: '600.00' }] });
    expect(body.taxationDecisions[0].decisionId).not.toContain('120340');
    expect((await json('POST', '/vero/taxation-data/v1/queries', {})).status).toBe(400);
  });

  it('fails, hangs and breaks answers as told, only for the person named, and counts concurrent calls', async () => {
    await json('PUT', '/sim/faults/incomes-register', { failNext: 1, malformedNext: 1, onlyFor: MIKKO });
    const otherPerson = await wages(AINO);
    expect(otherPerson.status).toBe(200);
    const failed = await wages(MIKKO);
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('soap:Server');
    const malformed = await wages(MIKKO);
    expect(malformed.status).toBe(200);
    expect(() => new XMLParser().parse(malformed.text, true)).toThrow();
    expect((await wages(MIKKO)).status).toBe(200);

    await json('PUT', '/sim/faults/tax-administration', { timeoutNext: 1, hangMs: 50 });
    expect((await json('POST', '/vero/taxation-data/v1/queries', { identityCode: AINO })).status).toBe(504);

    await json('POST', '/sim/faults/reset');
    await json('PUT', '/sim/faults/population-register', { latencyMs: 100 });
    const started = Date.now();
    await Promise.all([AINO, EINO, MIKKO].map((hetu) => person(hetu)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const { body: stats } = await json('GET', '/sim/stats');
    expect(stats['population-register']).toMatchObject({ requests: 3, inFlight: 0, maxInFlight: 3 });
    expect((await json('PUT', '/sim/faults/population-register', { failureRate: 2 })).status).toBe(400);
  });
});
