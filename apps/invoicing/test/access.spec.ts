import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { InvoicingMessages } from '@clientfees/contracts';
import { sendServiceMessage, serviceMessage } from '@clientfees/platform';
import { startDevServer, TEST_SIGNING_KEY, testToken } from '@clientfees/testing';
import { billingSettingsBody, FI_ORGANISATION, InvoicingStack, startInvoicingStack } from './invoicing-stack';

/** A valid Finnish test identity code (individual number 900-999 never belongs to a real person). */
function hetu(ddmmyy: string, individual: number): string {
  const nnn = String(individual).padStart(3, '0');
  return `${ddmmyy}-${nnn}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(ddmmyy + nnn) % 31]}`;
}

/**
 * The audit log and the append-only history (ADR 0012), on the invoicing service with a real
 * Postgres: what a person changes keeps its previous value and who changed it, every change is
 * an audit entry, and the history refuses to be rewritten — also for the role the service
 * itself connects as.
 */
describe('access: the audit log, append-only history and messages between services', () => {
  let stack: InvoicingStack;
  /** The service's own database role: the one that would have to be stopped. */
  let runtime: PgClient;
  const ADMIN = { roles: ['administrator' as const] };

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer());
    runtime = new PgClient({ connectionString: stack.db.url, options: '-c search_path=invoicing' });
    await runtime.connect();
  });
  afterAll(async () => {
    await runtime?.end();
    await stack?.stop();
  });

  const auditOf = async (resourceId: string) =>
    (await stack.service.request('GET', `/audit-log?organisationId=fi-demo&resourceId=${resourceId}`, ADMIN)).body as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON

  it('keeps the previous quantity of a registration and who changed it, and shows it with the audit entry', async () => {
    await stack.service.request('POST', '/price-lists/fi-demo/items', {
      roles: ['client-fee-officer'],
      body: { code: 'MEAL', name: 'Lunch', unit: 'piece', price: '7.40', piecePriced: true, affectsMaximumFee: false, validFrom: '2025-01-01' },
    });
    const client = await stack.service.request('POST', '/clients', {
      roles: ['client-fee-officer'],
      body: { organisationId: 'fi-demo', clientNumber: 'A-1', identityCode: hetu('010150', 901), name: 'Aino Audit' },
    });
    expect(client.status).toBe(201);
    const registration = await stack.service.request('POST', `/clients/${client.body.id}/registrations`, {
      roles: ['unit-manager'],
      sub: 'unit-manager-ulla',
      body: { itemCode: 'MEAL', performedOn: '2026-11-03', quantity: '10' },
    });
    expect(registration.status).toBe(201);

    const changed = await stack.service.request('PATCH', `/registrations/${registration.body.id}`, { roles: ['client-fee-officer'], sub: 'officer-olli', body: { quantity: '8' } });
    expect(changed.status).toBe(200);

    const history = await runtime.query(`SELECT operation, before, after, actor, request_id FROM change_history WHERE table_name = 'registration' AND row_id = $1`, [registration.body.id]);
    expect(history.rows).toEqual([
      { operation: 'UPDATE', before: expect.objectContaining({ quantity: 10 }), after: expect.objectContaining({ quantity: 8 }), actor: 'officer-olli', request_id: expect.any(String) },
    ]);

    const [entry] = await auditOf(registration.body.id);
    expect(entry).toMatchObject({
      actor: 'officer-olli',
      roles: ['client-fee-officer'],
      route: 'PATCH /registrations/:id',
      resourceId: registration.body.id,
      status: 200,
      outcome: 'done',
      requestId: history.rows[0].request_id,
      changes: [expect.objectContaining({ table: 'registration', operation: 'UPDATE', before: expect.objectContaining({ quantity: 10 }) })],
    });
  });

  it('keeps a date of death and an organisation’s previous terms with who changed them', async () => {
    const client = await stack.service.request('POST', '/clients', {
      roles: ['client-fee-officer'],
      body: { organisationId: 'fi-demo', clientNumber: 'A-2', identityCode: hetu('020250', 902), name: 'Bertta Audit' },
    });
    await stack.service.request('PATCH', `/clients/${client.body.id}`, { roles: ['client-fee-officer'], sub: 'officer-olli', body: { dateOfDeath: '2026-10-02' } });
    await stack.service.request('PATCH', `/clients/${client.body.id}`, { roles: ['billing-supervisor'], sub: 'supervisor-sanna', body: { dateOfDeath: '2026-10-03' } });
    const deaths = await runtime.query(`SELECT before ->> 'date_of_death' AS was, after ->> 'date_of_death' AS became, actor FROM change_history WHERE row_id = $1 ORDER BY id`, [
      client.body.id,
    ]);
    expect(deaths.rows).toEqual([
      { was: null, became: '2026-10-02', actor: 'officer-olli' },
      { was: '2026-10-02', became: '2026-10-03', actor: 'supervisor-sanna' },
    ]);

    const raised = await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, sub: 'admin-aaro', body: { ...FI_ORGANISATION, reminderFee: '4.00' } });
    expect(raised.status).toBe(200);
    const terms = await runtime.query(`SELECT before, after, actor FROM change_history WHERE table_name = 'organisation' AND row_id = 'fi-demo'`);
    expect(terms.rows).toEqual([{ before: { reminder_fee_cents: null }, after: { reminder_fee_cents: 400 }, actor: 'admin-aaro' }]);
  });

  it('keeps the municipalities an organisation serves with their history, kept when left out, and refuses a malformed code naming it', async () => {
    const espoo = ['049', '235', '257'];
    const set = await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, sub: 'admin-aaro', body: { ...FI_ORGANISATION, reminderFee: '4.00', municipalityCodes: ['257', '049', '235'] } });
    expect(set.status).toBe(200);
    expect(set.body.municipalityCodes).toEqual(espoo);
    // Left out: the list stays.
    const other = await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, sub: 'admin-aaro', body: { ...FI_ORGANISATION, reminderFee: '4.00', paymentTermDays: 21 } });
    expect(other.body).toMatchObject({ paymentTermDays: 21, municipalityCodes: espoo });
    await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, sub: 'admin-aaro', body: { ...FI_ORGANISATION, reminderFee: '4.00', municipalityCodes: ['049'] } });
    const history = await runtime.query(
      `SELECT before -> 'municipality_codes' AS was, after -> 'municipality_codes' AS became, actor FROM change_history WHERE table_name = 'organisation' AND row_id = 'fi-demo' AND (before ? 'municipality_codes') ORDER BY id`,
    );
    expect(history.rows).toEqual([
      { was: [], became: espoo, actor: 'admin-aaro' },
      { was: espoo, became: ['049'], actor: 'admin-aaro' },
    ]);
    for (const [codes, field] of [
      [['049', '49'], 'municipalityCodes[1]'],
      [['0580'], 'municipalityCodes[0]'],
      [['049', '049'], 'municipalityCodes[1]'],
    ] as const) {
      const refused = await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, body: { ...FI_ORGANISATION, reminderFee: '4.00', municipalityCodes: codes } });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    // Only those who may configure the organisation change them.
    const officer = await stack.service.request('PUT', '/organisations/fi-demo', { roles: ['client-fee-officer'], body: { ...FI_ORGANISATION, reminderFee: '4.00', municipalityCodes: espoo } });
    expect(officer.status).toBe(403);
    expect((await stack.service.request('GET', '/organisations/fi-demo', ADMIN)).body.municipalityCodes).toEqual(['049']);
    await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, body: { ...FI_ORGANISATION, reminderFee: '4.00', municipalityCodes: [] } });
  });

  it('records a refused change with the reason it was refused and the grounds given', async () => {
    const refused = await stack.service.request('PUT', '/organisations/fi-demo', { ...ADMIN, sub: 'admin-aaro', body: { ...FI_ORGANISATION, reminderFee: '5.01' } });
    expect(refused.status).toBe(400);
    const entries = (await stack.service.request('GET', '/audit-log?organisationId=fi-demo&actor=admin-aaro', ADMIN)).body as Array<Record<string, unknown>>;
    expect(entries[0]).toMatchObject({ route: 'PUT /organisations/:id', status: 400, outcome: 'refused', refusal: expect.stringContaining('legal cap'), changes: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of invoice events, the audit log and the change history, for the service’s own role', async () => {
    const invoice = await stack.service.request('POST', '/invoices', {
      roles: ['finance-centre'],
      body: {
        organisationId: 'fi-demo',
        clientNumber: 'A-3',
        invoiceDate: '2026-11-25',
        recipient: { kind: 'client', name: 'Aino Audit', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
        rows: [{ description: 'Home care', amount: '120.50' }],
      },
    });
    expect(invoice.status).toBe(201);
    const { rows: events } = await runtime.query('SELECT id, actor FROM invoice_event WHERE invoice_id = $1', [invoice.body.id]);
    expect(events.length).toBeGreaterThan(0);

    const attempts: Array<[string, unknown[]]> = [
      [`UPDATE invoice_event SET actor = 'someone-else' WHERE id = $1`, [events[0].id]],
      ['DELETE FROM invoice_event WHERE id = $1', [events[0].id]],
      ['TRUNCATE invoice_event', []],
      ['DELETE FROM invoice WHERE id = $1', [invoice.body.id]],
      [`UPDATE audit_log SET actor = 'someone-else'`, []],
      ['DELETE FROM audit_log', []],
      ['TRUNCATE audit_log', []],
      [`UPDATE change_history SET actor = 'someone-else'`, []],
      ['DELETE FROM change_history', []],
    ];
    for (const [sql, params] of attempts) {
      await expect(runtime.query(sql, params)).rejects.toThrow(/append-only|violates foreign key/);
    }
    const { rows: after } = await runtime.query('SELECT id, actor FROM invoice_event WHERE invoice_id = $1', [invoice.body.id]);
    expect(after).toEqual(events);
    const { rows: audit } = await runtime.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor = 'someone-else'`);
    expect(audit[0].n).toBe(0);
    // The rest of the ledger carries the same wall.
    const { rows: walls } = await runtime.query(`SELECT tgrelid::regclass::text AS t FROM pg_trigger WHERE tgname LIKE '%\\_append\\_only' ORDER BY 1`);
    expect(walls.map((w: { t: string }) => w.t)).toEqual(
      expect.arrayContaining(['audit_log', 'change_history', 'credit_note', 'fee_reduction_decision', 'invoice_event', 'invoice_row', 'payment', 'payment_allocation', 'payment_file']),
    );
  });

  it('never lets a ledger row change: its delivery is the signal outbox’s bookkeeping', async () => {
    const { rows } = await runtime.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'payment_allocation_append_only'`);
    expect(rows).toHaveLength(1);
    await runtime.query('BEGIN');
    try {
      const invoice = await runtime.query(`SELECT id FROM invoice WHERE organisation_id = 'fi-demo' LIMIT 1`);
      const payment = await runtime.query(
        `INSERT INTO payment (id, organisation_id, source, external_id, amount_cents, currency, booking_date, invoice_id, status, created_by)
         VALUES (gen_random_uuid(), 'fi-demo', 'rest', 'audit-1', 500, 'EUR', '2026-11-26', $1, 'allocated', 'test') RETURNING id`,
        [invoice.rows[0].id],
      );
      const allocation = await runtime.query(
        `INSERT INTO payment_allocation (id, payment_id, invoice_id, amount_cents, allocated_by) VALUES (gen_random_uuid(), $1, $2, 500, 'test') RETURNING id`,
        [payment.rows[0].id, invoice.rows[0].id],
      );
      await expect(runtime.query(`UPDATE payment_allocation SET amount_cents = 1 WHERE id = $1`, [allocation.rows[0].id])).rejects.toThrow(/append-only/);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });

  it('records who read a client’s incomes, how many, and for which client (the access log of the client-data act 703/2023)', async () => {
    const client = await stack.service.request('POST', '/clients', {
      roles: ['client-fee-officer'],
      body: { organisationId: 'fi-demo', clientNumber: 'A-7', identityCode: hetu('020250', 903), name: 'Ilmari Income' },
    });
    expect(client.status).toBe(201);
    const income = { validFrom: '2026-01-01', grossMonthlyIncome: '1800.00', netMonthlyIncome: '1500.00', householdSize: 1, source: 'pension decision' };
    expect((await stack.service.request('POST', `/clients/${client.body.id}/incomes`, { roles: ['client-fee-officer'], body: income })).status).toBe(201);
    const read = await stack.service.request('GET', `/clients/${client.body.id}/incomes`, { roles: ['client-fee-officer'], sub: 'officer-irja' });
    expect(read.status).toBe(200);
    const reads = (await stack.service.request('GET', '/audit-log?organisationId=fi-demo&actor=officer-irja', ADMIN)).body as Array<Record<string, unknown>>;
    expect(reads).toEqual([expect.objectContaining({ route: 'GET /clients/:id/incomes', resourceId: client.body.id, personalData: 'income', records: 1, outcome: 'done' })]);
  });

  it('shows the audit log only to an administrator of the organisation, and records who read it', async () => {
    expect((await stack.service.request('GET', '/audit-log?organisationId=fi-demo', { roles: ['billing-supervisor'] })).status).toBe(403);
    expect((await stack.service.request('GET', '/audit-log?organisationId=fi-demo', { ...ADMIN, organisations: ['fi-other'] })).status).toBe(404);
    expect((await stack.service.request('GET', '/audit-log?organisationId=fi-demo&since=yesterday', ADMIN)).status).toBe(400);
    await stack.service.request('GET', '/audit-log?organisationId=fi-demo&limit=1', { ...ADMIN, sub: 'dpo-dora' });
    const reads = (await stack.service.request('GET', '/audit-log?organisationId=fi-demo&actor=dpo-dora', ADMIN)).body as Array<Record<string, unknown>>;
    expect(reads).toEqual([expect.objectContaining({ action: 'audit-log.read', personalData: 'audit-log', records: 1, outcome: 'done' })]);
  });

  describe('messages between services (ADR 0013)', () => {
    let client: ClientProxy;
    let invoiceId: string;
    beforeAll(async () => {
      client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
      const created = await stack.service.request('POST', '/invoices', {
        body: {
          organisationId: 'fi-demo',
          clientNumber: 'M-1',
          invoiceDate: '2026-11-25',
          recipient: { kind: 'client', name: 'Aino Message', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
          rows: [{ description: 'Home care', amount: '50.00' }],
        },
      });
      invoiceId = created.body.id;
    });
    afterAll(() => client?.close());
    const ask = (body: unknown, from: 'collection' | 'provider-settlement' = 'collection', key = TEST_SIGNING_KEY) =>
      sendServiceMessage<Record<string, unknown>>(client, InvoicingMessages.getInvoice, body, from, key);

    it('answers an invoice to a service the pattern accepts, for the organisation it names', async () => {
      expect(await ask({ organisationId: 'fi-demo', id: invoiceId })).toMatchObject({ id: invoiceId, total: '50.00', organisationId: 'fi-demo' });
    });

    it('never answers an arbitrary invoice: an empty or malformed body is refused, naming the fields', async () => {
      await expect(ask({})).rejects.toMatchObject({ status: 400, problems: expect.arrayContaining([expect.objectContaining({ field: 'id' }), expect.objectContaining({ field: 'organisationId' })]) });
      await expect(ask({ organisationId: 'fi-demo', id: 'not-an-id' })).rejects.toMatchObject({ status: 400 });
      await expect(ask({ organisationId: 'fi-demo', id: invoiceId, extra: 1 })).rejects.toMatchObject({ status: 400 });
      // Not an envelope at all: the old shape of this message.
      await expect(firstValueFrom(client.send(InvoicingMessages.getInvoice, { id: invoiceId }))).rejects.toMatchObject({ status: 400 });
    });

    it('does not find another organisation’s invoice, nor one that does not exist', async () => {
      await expect(ask({ organisationId: 'fi-other', id: invoiceId })).rejects.toMatchObject({ status: 404 });
      await expect(ask({ organisationId: 'fi-demo', id: randomUUID() })).rejects.toMatchObject({ status: 404 });
    });

    it('refuses a message without a valid service token, with a user’s token, or from a service the pattern does not name', async () => {
      await expect(firstValueFrom(client.send(InvoicingMessages.getInvoice, { body: { organisationId: 'fi-demo', id: invoiceId } }))).rejects.toMatchObject({ status: 401 });
      await expect(ask({ organisationId: 'fi-demo', id: invoiceId }, 'collection', 'another-signing-key-of-forty-characters!')).rejects.toMatchObject({ status: 401 });
      const userToken = testToken({ roles: ['finance-centre'] });
      await expect(firstValueFrom(client.send(InvoicingMessages.getInvoice, { auth: userToken, body: { organisationId: 'fi-demo', id: invoiceId } }))).rejects.toMatchObject({ status: 401 });
      await expect(ask({ organisationId: 'fi-demo', id: invoiceId }, 'provider-settlement')).rejects.toMatchObject({ status: 403 });
    });

    it('closes the connection on a message above the size cap, and goes on answering others', async () => {
      const big = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
      try {
        const huge = serviceMessage({ organisationId: 'fi-demo', id: invoiceId, padding: 'x'.repeat(200 * 1024) }, 'collection', TEST_SIGNING_KEY);
        // Closed before it was read: not a 400 for the padding, which a read message would get.
        await expect(firstValueFrom(big.send(InvoicingMessages.getInvoice, huge))).rejects.toThrow('Connection closed');
      } finally {
        big.close();
      }
      expect(await ask({ organisationId: 'fi-demo', id: invoiceId })).toMatchObject({ id: invoiceId });
    });

    it('masks in the audit log an address a security ban now protects, and shows it again when the ban is lifted', async () => {
      const created = await stack.service.request('POST', '/clients', { roles: ['client-fee-officer'], body: { organisationId: 'fi-demo', clientNumber: 'B-1', identityCode: hetu('020202', 944), name: 'Bertta Ban' } });
      const clientId = created.body.id as string;
      const settings = await stack.service.request('POST', `/clients/${clientId}/billing-settings`, { roles: ['client-fee-officer'], body: billingSettingsBody({ residenceAddress: undefined, validFrom: '2026-01-01' }) });
      expect(settings.status).toBe(201);
      // A person fills in the missing address in place: the audit log keeps what the request wrote.
      const fixed = await stack.service.request('PATCH', `/clients/${clientId}/billing-settings/${settings.body.id}`, {
        roles: ['client-fee-officer'],
        body: { residenceAddress: { streetAddress: 'Salatie 4', postalCode: '02230', city: 'Espoo' } },
      });
      expect(fixed.status).toBe(200);
      const written = async () =>
        (await auditOf(clientId)).flatMap((entry) => entry.changes as Array<{ table: string; before: Record<string, unknown>; after: Record<string, unknown> }>).filter((change) => change.table === 'billing_setting');
      expect((await written()).map((change) => change.after.residence_address)).toContainEqual(expect.objectContaining({ streetAddress: 'Salatie 4' }));
      const register = (protectedNow: boolean) =>
        sendServiceMessage(
          client,
          InvoicingMessages.registerAddress,
          { organisationId: 'fi-demo', clientId, changeId: randomUUID(), effectiveDate: '2026-02-01', address: null, protected: protectedNow, sourceReference: 'population register change feed, key 7' },
          'income-verification',
          TEST_SIGNING_KEY,
        );
      await register(true);
      const underBan = await written();
      expect(underBan.length).toBeGreaterThan(0);
      expect(JSON.stringify(underBan)).not.toMatch(/Salatie|02230/);
      expect(underBan.some((change) => 'residence_address' in change.after && change.after.residence_address === null)).toBe(true);
      // Nor can a person type the client's address in as the address of the client's own invoices.
      const typed = await stack.service.request('POST', `/clients/${clientId}/billing-settings`, {
        roles: ['client-fee-officer'],
        body: billingSettingsBody({ residenceAddress: undefined, recipient: { kind: 'client', address: { streetAddress: 'Salatie 4', postalCode: '02230', city: 'Espoo' } } }),
      });
      expect(typed.status).toBe(400);
      expect(typed.body.problems).toEqual([expect.objectContaining({ field: 'recipient.address', reason: expect.stringContaining('security ban') })]);
      await register(false);
      expect(JSON.stringify(await written())).toMatch(/Salatie 4/);
    });

    it('answers a client’s identity code in full to income verification alone, by client id and organisation', async () => {
      const code = hetu('120340', 933);
      const created = await stack.service.request('POST', '/clients', { roles: ['client-fee-officer'], body: { organisationId: 'fi-demo', clientNumber: 'I-1', identityCode: code, name: 'Ilona Identity' } });
      expect(created.status).toBe(201);
      // Answered masked to every person over REST …
      expect(JSON.stringify(created.body)).not.toContain(code);
      const identity = (from: 'income-verification' | 'collection' | 'debt-followup' | 'provider-settlement', body: unknown) =>
        sendServiceMessage<Record<string, unknown>>(client, InvoicingMessages.clientIdentity, { purpose: 'income review r-1 (new-client), started by officer-1', ...(body as object) }, from, TEST_SIGNING_KEY);
      // … in full to income verification, for its organisation's client only.
      expect(await identity('income-verification', { organisationId: 'fi-demo', clientId: created.body.id })).toEqual({ known: true, identityCode: code, name: 'Ilona Identity' });
      // The read is in the client's access log, with its purpose.
      expect(await auditOf(created.body.id)).toContainEqual(
        expect.objectContaining({ actor: 'income-verification', action: 'client.identity', personalData: 'identity-code', records: 1, grounds: 'income review r-1 (new-client), started by officer-1' }),
      );
      await expect(identity('income-verification', { organisationId: 'fi-demo', clientId: created.body.id, purpose: '' })).rejects.toMatchObject({ status: 400 });
      expect(await identity('income-verification', { organisationId: 'fi-other', clientId: created.body.id })).toEqual({ known: false, reason: expect.stringContaining('no client') });
      expect(await identity('income-verification', { organisationId: 'fi-demo', clientId: randomUUID() })).toMatchObject({ known: false });
      expect(await identity('income-verification', { organisationId: 'fi-demo', clientId: 'I-1' })).toMatchObject({ known: false });
      await expect(identity('income-verification', { organisationId: 'fi-demo' })).rejects.toMatchObject({ status: 400 });
      // Every other service is refused, and so is a message without income verification's key.
      for (const other of ['collection', 'debt-followup', 'provider-settlement'] as const) {
        await expect(identity(other, { organisationId: 'fi-demo', clientId: created.body.id })).rejects.toMatchObject({ status: 403 });
      }
      await expect(
        sendServiceMessage(client, InvoicingMessages.clientIdentity, { organisationId: 'fi-demo', clientId: created.body.id, purpose: 'x' }, 'income-verification', 'another-signing-key-of-forty-characters!'),
      ).rejects.toMatchObject({ status: 401 });
    });

    it('answers a client’s decided services to income verification alone, for the service a fee decision is for', async () => {
      const created = await stack.service.request('POST', '/clients', { roles: ['client-fee-officer'], body: { organisationId: 'fi-demo', clientNumber: 'S-1', identityCode: hetu('030303', 955), name: 'Saara Service' } });
      const decided = await stack.service.request('POST', `/clients/${created.body.id}/services`, {
        roles: ['client-fee-officer'],
        body: { serviceCode: 'HOME-CARE', description: 'Home care', kind: 'fi-home-care', validFrom: '2026-01-01', serviceCost: '1100.00', hoursPerMonth: '10', absenceDeductible: true },
      });
      expect(decided.status).toBe(201);
      const services = (from: 'income-verification' | 'collection', body: unknown) => sendServiceMessage<Record<string, unknown>>(client, InvoicingMessages.decidedServices, body, from, TEST_SIGNING_KEY);
      expect(await services('income-verification', { organisationId: 'fi-demo', clientId: created.body.id })).toEqual({
        known: true,
        services: [expect.objectContaining({ serviceCode: 'HOME-CARE', kind: 'fi-home-care', validFrom: '2026-01-01', validTo: null, serviceCost: '1100.00', hoursPerMonth: '10.00' })],
      });
      expect(await services('income-verification', { organisationId: 'fi-other', clientId: created.body.id })).toMatchObject({ known: false });
      await expect(services('collection', { organisationId: 'fi-demo', clientId: created.body.id })).rejects.toMatchObject({ status: 403 });
    });
  });
});
