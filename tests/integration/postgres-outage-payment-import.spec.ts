import { Client as PgClient } from 'pg';
import { eventually, ProcessStack, serviceApi, testToken } from '@clientfees/testing';
import { InvoicingUnderTest, startInvoicingUnderTest } from './invoicing-under-fault';

const ORGANISATION = 'fi-chaos';
const ACCOUNT = 'FI2112345600000785';
const PAYMENTS = 150;

/** A camt.054.001.02 notification paying each invoice once by its reference (one entry, one bank id each). */
function notification(messageId: string, invoices: ReadonlyArray<{ paymentReference: string; total: string }>): string {
  const entries = invoices.map(
    ({ paymentReference, total }, i) => `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="EUR">${total}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-24</Dt></BookgDt>
        <ValDt><Dt>2026-11-24</Dt></ValDt>
        <AcctSvcrRef>261124CHAOS${String(i + 1).padStart(5, '0')}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>261124CHAOS${String(i + 1).padStart(5, '0')}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">${total}</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>TESTINEN AINO</Nm></Dbtr></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${paymentReference}</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-11-24T21:05:13+02:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>${messageId}-1</Id>
      <CreDtTm>2026-11-24T21:05:13+02:00</CreDtTm>
      <Acct><Id><IBAN>${ACCOUNT}</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join('')}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}

/**
 * Chaos, counted (issue 14): every connection of the invoicing service to Postgres is killed
 * (pg_terminate_backend, as a database restart does to its clients; the test cluster is shared by
 * every test and is not stopped) while a camt.054 import of 150 payments is in its transaction.
 * The import answers 503 with Retry-After and leaves nothing behind; resent with the same
 * Idempotency-Key it completes, and any further resend finds exactly that one result: each
 * payment recorded once, each invoice paid once.
 */
describe('the database connections killed in the middle of a payment import', () => {
  let stack: ProcessStack;
  let pg: PgClient;
  let under: InvoicingUnderTest;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'chaos-test', { organisations: [ORGANISATION] });
  const count = async (query: string) => ((await pg.query(query)).rows[0] as { n: number }).n;

  const importFile = async (xml: string, key: string) => {
    const token = testToken({ sub: 'chaos-test', roles: ['finance-centre'] }, [ORGANISATION]);
    const response = await fetch(`${stack.url('invoicing')}/payments/camt054?organisationId=${ORGANISATION}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml', 'idempotency-key': key },
      body: xml,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer is checked field by field
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as any };
  };

  beforeAll(async () => {
    // A resend may take over a request whose first attempt could not even release its key.
    under = await startInvoicingUnderTest({ invoicingEnv: { IDEMPOTENCY_ABANDON_AFTER_MS: '2000' } });
    ({ stack, pg } = under);
  }, 120000);

  afterAll(async () => {
    await under?.stop();
  });

  it(`records each of ${PAYMENTS} payments once`, async () => {
    const organisation = { name: 'Chaos county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3, bankAccounts: [ACCOUNT] };
    expect((await invoicing.call('PUT', `/organisations/${ORGANISATION}`, ['administrator'], organisation)).status).toBe(200);
    const invoices: Array<{ id: string; paymentReference: string; total: string }> = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const created = await invoicing.ok('POST', '/invoices', ['finance-centre'], {
        organisationId: ORGANISATION,
        clientNumber: `C-${2000 + i}`,
        recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
        invoiceDate: '2026-11-20',
        rows: [{ description: 'Home care 10/2026', amount: '85.40' }],
      });
      invoices.push({ id: created.id, paymentReference: created.paymentReference, total: '85.40' });
    }
    const xml = notification('NDEAFIHH-054-CHAOS-1', invoices);
    const key = 'camt-import-chaos-1';

    // As soon as the import's transaction has written the file, every connection of the
    // service to its database is terminated.
    let terminated = 0;
    const killer = (async () => {
      const started = Date.now();
      while (Date.now() - started < 30000) {
        const writing = await pg.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE '%payment%'`,
        );
        if (writing.rowCount) {
          const killed = await pg.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
          terminated = killed.rowCount ?? 0;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const first = await importFile(xml, key);
    await killer;
    expect(terminated).toBeGreaterThan(0);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).not.toBeNull();
    // Nothing of it committed: no file, no payment.
    expect(await count(`SELECT count(*)::int AS n FROM payment_file`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM payment`)).toBe(0);

    // The caller resends with the same key as Retry-After says, until it is carried out.
    const done = await eventually(
      () => importFile(xml, key),
      (answer) => answer.status === 200,
      60000,
    );
    expect(done.body).toMatchObject({ created: PAYMENTS, duplicates: 0, allocated: PAYMENTS, unmatched: 0 });

    // Another resend finds exactly that result, and the same file under a new key changes nothing.
    const again = await importFile(xml, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.fileId).toBe(done.body.fileId);
    const anotherKey = await importFile(xml, 'camt-import-chaos-2');
    expect(anotherKey.body).toMatchObject({ fileId: done.body.fileId, created: 0, duplicates: PAYMENTS });

    expect(await count(`SELECT count(*)::int AS n FROM payment_file`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM payment`)).toBe(PAYMENTS);
    expect(await count(`SELECT count(DISTINCT external_id)::int AS n FROM payment`)).toBe(PAYMENTS);
    const paid = await eventually(
      async () => (await invoicing.ok('GET', `/invoices?organisationId=${ORGANISATION}&state=paid&limit=1000`, ['finance-centre'])).length as number,
      (n) => n === PAYMENTS,
      60000,
    );
    expect(paid).toBe(PAYMENTS);
  }, 180000);
});
