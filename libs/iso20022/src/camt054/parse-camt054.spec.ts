import Decimal from 'decimal.js';
import { camt054Fixture } from '../fixtures';
import { parseCamt054 } from './parse-camt054';
import { camt054View } from './camt054-view';

/** A small camt.054 of the given version around the entries, for one behaviour at a time. */
function message(entries: string, { version = '08', account = 'FI2112345600000785', prefix = '' } = {}): string {
  const p = prefix ? `${prefix}:` : '';
  const body = `<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-24T06:00:00+02:00</CreDtTm></GrpHdr>
    <Ntfctn><Id>N1</Id><Acct><Id><IBAN>${account}</IBAN></Id></Acct>${entries}</Ntfctn>`;
  const tagged = prefix ? body.replace(/<(\/?)(\w+)/g, `<$1${p}$2`) : body;
  return `<?xml version="1.0"?><${p}Document xmlns${prefix ? `:${prefix}` : ''}="urn:iso:std:iso:20022:tech:xsd:camt.054.001.${version}"><${p}BkToCstmrDbtCdtNtfctn>${tagged}</${p}BkToCstmrDbtCdtNtfctn></${p}Document>`;
}

const entry = (inner: string, { amount = '10.00', direction = 'CRDT', status = '<Sts><Cd>BOOK</Cd></Sts>', extra = '' } = {}) =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${direction}</CdtDbtInd>${extra}${status}<BookgDt><Dt>2026-11-24</Dt></BookgDt><AcctSvcrRef>E1</AcctSvcrRef>${inner}</Ntry>`;

const tx = (amount: string, refs: string, more = '') => `<TxDtls><Refs>${refs}</Refs><Amt Ccy="EUR">${amount}</Amt>${more}</TxDtls>`;

describe('parseCamt054', () => {
  it('reads namespace-prefixed documents like plain ones', () => {
    const xml = message(entry(`<NtryDtls>${tx('10.00', '<EndToEndId>E2E-1</EndToEndId>')}</NtryDtls>`), { prefix: 'ns2' });
    expect(parseCamt054(xml).payments).toEqual([expect.objectContaining({ amount: { value: '10.00', currency: 'EUR' }, externalId: 'FI2112345600000785/acctsvcr:E1' })]);
  });

  it('reads status written as a code (to .07) and as a choice (from .08)', () => {
    const old = message(entry('', { status: '<Sts>BOOK</Sts>' }), { version: '04' });
    const choice = message(entry('', { status: '<Sts><Prtry>PDNG</Prtry></Sts>' }));
    expect(parseCamt054(old).payments).toHaveLength(1);
    expect(parseCamt054(choice).ignored).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^Not booked \(status PDNG: pending\)/) })]);
  });

  it('takes an entry without details as one payment identified by the entry’s archive reference', () => {
    const parsed = parseCamt054(message(entry('')));
    expect(parsed.payments).toEqual([expect.objectContaining({ externalId: 'FI2112345600000785/acctsvcr:E1', references: [], at: 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]' })]);
  });

  it('accounts for several transactions without amounts together, as their entry, with all their references', () => {
    const details = '<NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>1000000012</Ref></CdtrRefInf></Strd></RmtInf></TxDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>1000000025</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>';
    const parsed = parseCamt054(message(entry(details, { amount: '75.00' }), { version: '02' }));
    expect(parsed.payments).toEqual([expect.objectContaining({ amount: { value: '75.00', currency: 'EUR' }, references: ['1000000012', '1000000025'] })]);
  });

  it('keeps two transactions that claim one payer id, the later one naming the id it repeats', () => {
    const details = `<NtryDtls>${tx('10.00', '<EndToEndId>1</EndToEndId>')}${tx('20.00', '<EndToEndId>1</EndToEndId>')}</NtryDtls>`;
    const parsed = parseCamt054(message(entry(details, { amount: '30.00' }).replace('<AcctSvcrRef>E1</AcctSvcrRef>', '')));
    expect(parsed.payments.map((p) => [p.externalId, p.idSource, p.repeatsExternalId])).toEqual([
      ['FI2112345600000785/e2e:1', 'payer', null],
      ['FI2112345600000785/e2e:1#2', 'payer', 'FI2112345600000785/e2e:1'],
    ]);
  });

  it('derives an id from the bank’s data when the transaction has none, the same in any order', () => {
    const a = tx('10.00', '', '<RltdPties><Dbtr><Nm>A</Nm></Dbtr></RltdPties>');
    const b = tx('20.00', '', '<RltdPties><Dbtr><Nm>B</Nm></Dbtr></RltdPties>');
    const ids = (details: string) => parseCamt054(message(entry(`<NtryDtls>${details}</NtryDtls>`, { amount: '30.00' }))).payments.map((p) => [p.amount.value, p.externalId]).sort();
    expect(ids(a + b)).toEqual(ids(b + a));
    expect(ids(a + b)[0][1]).toMatch(/^FI2112345600000785\/derived:[0-9a-f]{16}$/);
  });

  it('gives a reversal an id of its own and names the payment it takes back', () => {
    const details = `<NtryDtls>${tx('10.00', '<EndToEndId>E2E-7</EndToEndId>')}</NtryDtls>`;
    const parsed = parseCamt054(message(entry(details, { direction: 'DBIT', extra: '<RvslInd>1</RvslInd>' }).replace('<AcctSvcrRef>E1</AcctSvcrRef>', '')));
    expect(parsed.reversals).toEqual([
      expect.objectContaining({ externalId: 'FI2112345600000785/reversal-of-e2e:E2E-7', reversesExternalId: 'FI2112345600000785/e2e:E2E-7', bookingDate: '2026-11-24' }),
    ]);
  });

  it('takes a debit with a return reason on received money as a reversal even without RvslInd', () => {
    const details = `<NtryDtls>${tx('10.00', '<AcctSvcrRef>R-1</AcctSvcrRef><TxId>T-1</TxId>', '<RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>')}</NtryDtls>`;
    expect(parseCamt054(message(entry(details, { direction: 'DBIT' }))).reversals).toEqual([
      expect.objectContaining({ externalId: 'FI2112345600000785/acctsvcr:R-1', reversesExternalId: 'FI2112345600000785/txid:T-1', returnReason: 'MD06' }),
    ]);
    const coded = entry(`<NtryDtls>${tx('10.00', '<AcctSvcrRef>R-2</AcctSvcrRef>')}</NtryDtls>`, { direction: 'DBIT' }).replace('<AcctSvcrRef>E1', '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd><AcctSvcrRef>E1');
    expect(parseCamt054(message(coded)).reversals).toHaveLength(1);
  });

  it('reads dates on the calendar of the account’s country, or of the zone it is given', () => {
    const details = `<NtryDtls>${tx('10.00', '<AcctSvcrRef>A</AcctSvcrRef>', '<RltdDts><AccptncDtTm>2026-11-22T22:30:00Z</AccptncDtTm></RltdDts>')}</NtryDtls>`;
    expect(parseCamt054(message(entry(details))).payments[0]).toMatchObject({ payerPaymentDate: '2026-11-23', paymentDate: '2026-11-23', bookingDate: '2026-11-24' });
    expect(parseCamt054(message(entry(details)), { timeZone: 'UTC' }).payments[0]).toMatchObject({ paymentDate: '2026-11-22' });
  });

  it('never dates a payment after its booking', () => {
    const details = `<NtryDtls>${tx('10.00', '<AcctSvcrRef>A</AcctSvcrRef>', '<RltdDts><AccptncDtTm>2026-11-25T10:00:00</AccptncDtTm></RltdDts>')}</NtryDtls>`;
    expect(parseCamt054(message(entry(details))).payments[0]).toMatchObject({ payerPaymentDate: '2026-11-25', paymentDate: '2026-11-24' });
  });

  it('lists the accounts of a file that reports several, and the view names each item’s', () => {
    const xml = message(entry('')).replace('</Ntfctn>', `</Ntfctn><Ntfctn><Id>N2</Id><Acct><Id><IBAN>FI55 1234 5600 0007 70</IBAN></Id></Acct>${entry('')}</Ntfctn>`);
    const parsed = parseCamt054(xml);
    expect(parsed.accounts).toEqual(['FI2112345600000785', 'FI5512345600000770']);
    const view = camt054View(parsed);
    expect(view.account).toBeNull();
    expect(view.payments.map((p) => p.account)).toEqual(['FI2112345600000785', 'FI5512345600000770']);
  });

  it.each([
    ['<Document', 'body', /malformed XML/],
    ['<!DOCTYPE x [<!ENTITY a "b">]><Document/>', 'body', /DOCTYPE/],
    ['', 'body', /empty/],
    ['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>', 'Document/@xmlns', /camt\.053 statement .*not a camt\.054/],
    ['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.11"><BkToCstmrDbtCdtNtfctn/></Document>', 'Document/@xmlns', /camt\.054\.001\.11 is not read: camt\.054\.001\.02 to \.10 are/],
    ['<Document><BkToCstmrDbtCdtNtfctn/></Document>', 'Document/@xmlns', /declares no ISO 20022 namespace/],
    ['<Invoice xmlns="urn:x"/>', 'Document', /root element is Invoice/],
  ])('refuses %p naming %s', (xml, field, reason) => {
    expect(() => parseCamt054(xml)).toThrow(expect.objectContaining({ field, reason: expect.stringMatching(reason) }));
  });

  it.each([
    ['a missing message id', (xml: string) => xml.replace('<MsgId>MSG-1</MsgId>', ''), 'Document/BkToCstmrDbtCdtNtfctn/GrpHdr/MsgId', /missing/],
    ['an amount with three decimals', (xml: string) => xml.replace('10.00', '10.005'), 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/Amt', /more decimals than EUR/],
    ['a direction other than CRDT or DBIT', (xml: string) => xml.replace('CRDT', 'CREDIT'), 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/CdtDbtInd', /CRDT or DBIT/],
    ['a reversal indicator that is not an XML boolean', (xml: string) => xml.replace('<Sts>', '<RvslInd>yes</RvslInd><Sts>'), 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/RvslInd', /XML boolean/],
    ['a booked entry without dates', (xml: string) => xml.replace('<BookgDt><Dt>2026-11-24</Dt></BookgDt>', ''), 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/BookgDt', /booking date/],
  ])('refuses %s, naming the element', (_what, edit, field, reason) => {
    expect(() => parseCamt054(edit(message(entry(''))))).toThrow(expect.objectContaining({ field, reason: expect.stringMatching(reason) }));
  });

  it('reads every version from .02 to .10 that the samples use, and the project’s own older fixtures', () => {
    expect(parseCamt054(camt054Fixture('iso-swift-sample.v02.xml')).version).toBe('camt.054.001.02');
    expect(parseCamt054(camt054Fixture('postfinance-credit.v04.xml')).version).toBe('camt.054.001.04');
    expect(parseCamt054(camt054Fixture('iso-swift-sample.v08.xml')).version).toBe('camt.054.001.08');
    expect(parseCamt054(camt054Fixture('lithuanian-emi/2024-03-13.xml')).version).toBe('camt.054.001.10');
    for (const version of ['03', '05', '06', '07', '09']) expect(parseCamt054(message(entry(''), { version })).version).toBe(`camt.054.001.${version}`);
  });

  it('splits a year’s netted day into its credits and debits to the cent (2024-11-21, booked)', () => {
    const xml = camt054Fixture('lithuanian-emi/2024-11-21.xml').replace('<Sts>INFO</Sts>', '<Sts>BOOK</Sts><BookgDt><Dt>2024-11-21</Dt></BookgDt>');
    const parsed = parseCamt054(xml);
    const sum = (amounts: Array<{ amount: { value: string } }>) => amounts.reduce((total, item) => total.plus(item.amount.value), new Decimal(0));
    const entryAmount = new Decimal(/<Ntry>\s*<Amt Ccy="EUR">([^<]+)</.exec(xml)![1]);
    // The entry is the day's net: credits less debits, a debit.
    expect(sum(parsed.ignored).minus(sum(parsed.payments)).equals(entryAmount)).toBe(true);
  });
});
