import { Client as PgClient, Pool } from 'pg';
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
 * Chaos, counted (issue 14): PostgreSQL itself is stopped (`pg_ctl stop -m immediate`, as a crash
 * or an operator's emergency stop) while a camt.054 import of 150 payments is in its transaction,
 * and started again a few seconds later: the stack runs on a cluster of this test's own
 * (`startPrivatePostgres`), since the shared test cluster must not stop under other tests. The
 * import answers 503 with Retry-After and leaves nothing behind; resent with the same
 * Idempotency-Key it completes, and any further resend finds exactly that one result: each
 * payment recorded and allocated once, each invoice paid once.
 */
describe('PostgreSQL stopped and started again in the middle of a payment import', () => {
  let stack: ProcessStack;
  let pg: Pool;
  let under: InvoicingUnderTest;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'chaos-test', { organisations: [ORGANISATION] });
  const count = async (query: string) => ((await pg.query(query)).rows[0] as { n: number }).n;
  /** What the import may write, and the invoices' states: counted before, in between and after. */
  const tally = async () => ({
    files: await count(`SELECT count(*)::int AS n FROM payment_file`),
    payments: await count(`SELECT count(*)::int AS n FROM payment`),
    distinctBankIds: await count(`SELECT count(DISTINCT external_id)::int AS n FROM payment`),
    allocations: await count(`SELECT count(*)::int AS n FROM payment_allocation`),
    paid: await count(`SELECT count(*)::int AS n FROM invoice WHERE state = 'paid'`),
    unpaid: await count(`SELECT count(*)::int AS n FROM invoice WHERE state <> 'paid'`),
  });

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
    under = await startInvoicingUnderTest({ privatePostgres: true, invoicingEnv: { IDEMPOTENCY_ABANDON_AFTER_MS: '2000' } });
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
    // Every lifecycle has set its due date (it waits for payments), so no invoice changes but by the import.
    await eventually(() => count(`SELECT count(*)::int AS n FROM invoice WHERE due_date IS NULL`), (n) => n === 0, 60000);
    const before = await tally();
    expect(before).toEqual({ files: 0, payments: 0, distinctBankIds: 0, allocations: 0, paid: 0, unpaid: PAYMENTS });

    // As soon as the import's transaction has written to the database, PostgreSQL is stopped;
    // it is started again 3 s later.
    const watcher = new PgClient({ connectionString: stack.db.url });
    watcher.on('error', () => undefined); // ended by the stop
    await watcher.connect();
    let first: Awaited<ReturnType<typeof importFile>> | undefined;
    let answeredInMs = 0;
    const sent = Date.now();
    const firstAttempt = importFile(xml, key).then((answer) => {
      answeredInMs = Date.now() - sent;
      first = answer;
    });
    let stopped = false;
    const started = Date.now();
    while (Date.now() - started < 30000 && first === undefined) {
      const writing = await watcher.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE '%payment%'`,
      );
      if (writing.rowCount) {
        stopped = true;
        await stack.restartPostgres(() => new Promise((resolve) => setTimeout(resolve, 3000)));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await watcher.end().catch(() => undefined);
    await firstAttempt;
    expect(stopped).toBe(true);
    // The first attempt was cut off in its transaction: a 503 with Retry-After while the database was down.
    expect(first!.status).toBe(503);
    expect(first!.headers.get('retry-after')).not.toBeNull();
    expect(answeredInMs).toBeLessThan(3000);
    // Nothing of it committed: no file, no payment, no allocation, no invoice paid.
    expect(await tally()).toEqual(before);

    // The caller resends with the same key as Retry-After says, until it is carried out.
    const done = await eventually(
      () => importFile(xml, key),
      (answer) => answer.status === 200,
      60000,
      500,
    );
    expect(done.body).toMatchObject({ created: PAYMENTS, duplicates: 0, allocated: PAYMENTS, unmatched: 0 });

    // Another resend finds exactly that result, and the same file under a new key changes nothing.
    const again = await importFile(xml, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.fileId).toBe(done.body.fileId);
    const anotherKey = await importFile(xml, 'camt-import-chaos-2');
    expect(anotherKey.body).toMatchObject({ fileId: done.body.fileId, created: 0, duplicates: PAYMENTS });

    // Every invoice's lifecycle heard its payment once: all paid, nothing twice.
    await eventually(() => count(`SELECT count(*)::int AS n FROM invoice WHERE state = 'paid'`), (n) => n === PAYMENTS, 60000);
    expect(await tally()).toEqual({ files: 1, payments: PAYMENTS, distinctBankIds: PAYMENTS, allocations: PAYMENTS, paid: PAYMENTS, unpaid: 0 });
  }, 180000);
});
