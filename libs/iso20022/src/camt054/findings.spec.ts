import Decimal from 'decimal.js';
import { allCamt054Fixtures, bookedCopy, camt054Fixture } from '../fixtures';
import { fileTotals } from './file-totals';
import { parseCamt054 } from './parse-camt054';
import { camt054View, type Camt054View } from './camt054-view';

// Issue 16: what the camt.054 import got wrong on files nobody here wrote. Each finding is
// checked on the published file that showed it (fixtures/camt054/SOURCES.md).

/** The parser in the shape of the CLI's JSON, which is what the findings are about. */
const parse = (xml: string): Camt054View => camt054View(parseCamt054(xml));

const FFFS = 'fffs-fi-credit-advice.v02.xml';
const HANDELSBANKEN = 'handelsbanken-fi-credit-notification.v02.xml';

describe('issue 16 findings, on published camt.054 files', () => {
  it('counts the incoming payments inside a net-debit entry: a booked day of the Lithuanian institution has 184 of them', () => {
    const day = parse(bookedCopy(camt054Fixture('lithuanian-emi/2024-11-21.xml'), '2024-11-21'));
    expect(day.payments).toHaveLength(184);
    expect(day.ignored).toHaveLength(407 - 184);
    expect(day.ignored.every((item) => /debit/i.test(item.reason))).toBe(true);
  });

  it('reads amounts written as .5 (a valid XML decimal) as 0.50', () => {
    const day = parse(bookedCopy(camt054Fixture('lithuanian-emi/2024-03-13.xml'), '2024-03-13'));
    expect(day.payments.filter((payment) => payment.amount === '0.50').length).toBeGreaterThan(0);
  });

  it('lists a transaction of zero as ignored instead of refusing the file', () => {
    const xml = camt054Fixture(FFFS).replace('<Amt Ccy="EUR">100.00</Amt>', '<Amt Ccy="EUR">0.00</Amt>');
    const parsed = parse(xml);
    expect(parsed.ignored).toContainEqual(expect.objectContaining({ amount: '0.00', reason: expect.stringMatching(/zero/i) }));
  });

  it('lists every transaction of an information-only (INFO) file as ignored, with the reason', () => {
    const day = parse(camt054Fixture('lithuanian-emi/2024-03-18.xml'));
    expect(day.payments).toEqual([]);
    expect(day.ignored).toHaveLength(41);
    expect(day.ignored.every((item) => /not booked/i.test(item.reason))).toBe(true);
  });

  it('keeps every structured reference: FFFS 1,900.00 = invoice 3900 (2,500.00) less credit note 12344 (600.00)', () => {
    const payment = parse(camt054Fixture(FFFS)).payments.find((p) => p.amount === '1900.00');
    expect(payment?.references).toEqual(['3900', '12344']);
  });

  it('takes the invoice number from RfrdDocInf when there is no creditor reference (Handelsbanken)', () => {
    const payment = parse(camt054Fixture(HANDELSBANKEN)).payments.find((p) => p.amount === '6000.54');
    expect(payment?.references).toEqual(['9580572', '00000000000009580521', '00000000000009579095']);
  });

  it('reads a PostFinance direct-debit refund (DBIT, RvslInd) as a reversal, not as an ignored count', () => {
    const parsed = parse(camt054Fixture('postfinance-direct-debit-refunds.v04.xml'));
    expect(parsed.reversals.map((reversal) => reversal.amount).sort()).toEqual(['15.53', '6.00']);
  });

  it('never counts the FFFS returned items (40 + 60 €) as received, even booked with RvslInd written 1', () => {
    const booked = camt054Fixture(FFFS).replace('<RvslInd>true</RvslInd>', '<RvslInd>1</RvslInd>').replace('<Sts>INFO</Sts>', '<Sts>BOOK</Sts>');
    for (const parsed of [parse(camt054Fixture(FFFS)), parse(booked)]) {
      expect(parsed.payments.map((payment) => payment.amount)).not.toContain('40.00');
      expect(parsed.payments.map((payment) => payment.amount)).not.toContain('60.00');
      expect(parsed.ignored).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ amount: '40.00', reason: expect.stringMatching(/AC01/) }),
          expect.objectContaining({ amount: '60.00', reason: expect.stringMatching(/CUST/) }),
        ]),
      );
    }
  });

  it('identifies a transaction by the bank’s own reference, so a batch sent in another order keeps its ids', () => {
    const xml = camt054Fixture(FFFS);
    const first = xml.indexOf('<TxDtls>');
    const second = xml.indexOf('<TxDtls>', first + 1);
    const end = xml.indexOf('</TxDtls>', second) + '</TxDtls>'.length;
    const swapped = xml.slice(0, first) + xml.slice(second, end) + xml.slice(xml.indexOf('</TxDtls>', first) + '</TxDtls>'.length, second) + xml.slice(first, xml.indexOf('</TxDtls>', first) + '</TxDtls>'.length) + xml.slice(end);
    const ids = (parsed: Camt054View) => Object.fromEntries(parsed.payments.map((payment) => [payment.externalId, payment.amount]));
    expect(ids(parse(swapped))).toEqual(ids(parse(xml)));
    expect(ids(parse(xml))).toMatchObject({ 'FI7433010001222090/acctsvcr:D091029N987654321S001': '1900.00' });
  });

  it('reads the receiving account and the version', () => {
    expect(parse(camt054Fixture(FFFS))).toMatchObject({ account: 'FI7433010001222090', version: 'camt.054.001.02' });
    expect(parse(camt054Fixture('lithuanian-emi/2024-03-18.xml'))).toMatchObject({ account: 'LT809872649478701594', version: 'camt.054.001.10' });
  });

  it('gives the payer’s payment date (AccptncDtTm, a day before the booking in the FFFS file)', () => {
    const payment = parse(camt054Fixture(FFFS)).payments.find((p) => p.amount === '1900.00');
    expect(payment).toMatchObject({ bookingDate: '2009-10-29', paymentDate: '2009-10-28' });
  });

  it('refuses a camt.054.001.01 file naming its version and the versions it reads', () => {
    const v01 = camt054Fixture(FFFS).replace('camt.054.001.02"', 'camt.054.001.01"').replaceAll('BkToCstmrDbtCdtNtfctn>', 'BkToCstmrDbtCdtNtfctnV01>');
    expect(() => parse(v01)).toThrow(/camt\.054\.001\.01.*\.02 to \.10/);
  });

  describe('nothing dropped: payments, reversals and ignored items add up to the file’s transactions', () => {
    const cases: Array<[string, string]> = allCamt054Fixtures().map((name) => [name, camt054Fixture(name)]);
    cases.push(['lithuanian-emi/2024-11-21.xml booked', bookedCopy(camt054Fixture('lithuanian-emi/2024-11-21.xml'), '2024-11-21')]);
    it.each(cases)('%s', (_name, xml) => {
      const parsed = parse(xml);
      const totals = new Map<string, Decimal>();
      for (const item of [...parsed.payments, ...parsed.reversals, ...parsed.ignored]) {
        totals.set(item.currency, (totals.get(item.currency) ?? new Decimal(0)).plus(item.amount));
      }
      expect(Object.fromEntries([...totals].map(([currency, total]) => [currency, total.toFixed(2)]))).toEqual(fileTotals(xml));
    });
  });
});
