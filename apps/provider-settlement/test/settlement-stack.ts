import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { AccessClaims, OwnShareInvoiceOutcome, OwnShareInvoiceRequest, OwnShareInvoicingActivities, TaskQueues } from '@clientfees/contracts';
import { mintAccessToken } from '@clientfees/platform';
import { createTestDatabase, freePort, prebuiltWorkflowBundle, serviceTestEnv, ServiceUnderTest, startServiceForTest, stopTestStack, TEST_SIGNING_KEY, TestDatabase } from '@clientfees/testing';
import { startOfDayInZone } from '@clientfees/domain';
import { Clock } from '../src/common/clock';
import { ProviderSettlementModule } from '../src/provider-settlement.module';

export const ORGANISATION = 'fi-kouvola';
export const ZONE = 'Europe/Helsinki';

/** A caller of the REST API: the municipality's staff with the given roles, or a provider's user. */
export type Caller = { roles: AccessClaims['roles']; providerId?: string; organisations?: string[] };
export const municipality = (...roles: AccessClaims['roles']): Caller => ({ roles: roles.length > 0 ? roles : ['client-fee-officer'] });
export const providerUser = (providerId: string): Caller => ({ roles: ['service-provider'], providerId });
export const ADMIN = municipality('administrator');
export const OFFICER = municipality('client-fee-officer');
export const CASEWORKER = municipality('caseworker');
export const FINANCE = municipality('finance-centre');

/**
 * Invoicing's own-share activity as this service's tests see it: a stand-in on the invoicing task
 * queue that keeps what the settlement workflow sent and answers like invoicing (one invoice per
 * own share however often it is sent; a client named in `unknownClients` refused). Invoicing
 * itself makes the invoices in tests/integration/own-share-invoices.spec.ts.
 */
export interface InvoicingStandIn {
  requests: OwnShareInvoiceRequest[];
  unknownClients: Set<string>;
}

export interface SettlementStack {
  env: TestWorkflowEnvironment;
  invoicing: InvoicingStandIn;
  db: TestDatabase;
  service: ServiceUnderTest;
  clock: Clock;
  /**
   * A plain client of the server: awaiting a result through it does not let a time-skipping server
   * race ahead to the next timer, as the test environment's own client does.
   */
  temporal: Client;
  /** Calls the API as `caller`; the body is JSON, the answer JSON or text. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answers
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers; bytes: Buffer }>;
  /** As `call`, but anything but 2xx throws with the answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answers
  ok(caller: Caller, method: string, path: string, body?: unknown): Promise<any>;
  /** Sends a file as the body; `replayed` is the Idempotent-Replayed header (null when absent). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answers
  upload(caller: Caller, path: string, contentType: string, content: Buffer, idempotencyKey?: string): Promise<{ status: number; body: any; replayed: string | null }>;
  stop(): Promise<void>;
}

/** Postgres, the given Temporal server, the workflow worker and the provider-settlement service, all real. */
export async function startSettlementStack(env: TestWorkflowEnvironment, options: { schedules?: boolean } = {}): Promise<SettlementStack> {
  const db = await createTestDatabase();
  const service = await startServiceForTest(
    ProviderSettlementModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(await freePort()), TEMPORAL_SCHEDULES: String(options.schedules ?? false) })),
  );
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
  const invoicing: InvoicingStandIn = { requests: [], unknownClients: new Set() };
  const invoiceNumbers = new Map<string, number>();
  const standIn: OwnShareInvoicingActivities = {
    async createOwnShareInvoices(input) {
      invoicing.requests.push(...input.invoices);
      return input.invoices.map((request): OwnShareInvoiceOutcome => {
        if (invoicing.unknownClients.has(request.clientId)) return { ownShareId: request.ownShareId, outcome: 'refused', reason: `client ${request.clientId} is not one of invoicing's clients` };
        if (!invoiceNumbers.has(request.ownShareId)) invoiceNumbers.set(request.ownShareId, 9000 + invoiceNumbers.size + 1);
        const invoiceNumber = invoiceNumbers.get(request.ownShareId)!;
        return { ownShareId: request.ownShareId, outcome: 'invoiced', invoiceId: `00000000-0000-4000-8000-${String(invoiceNumber).padStart(12, '0')}`, invoiceNumber };
      });
    },
  };
  const invoicingWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities: standIn });
  const running = Promise.all([worker.run(), invoicingWorker.run()]);
  const token = (caller: Caller) =>
    mintAccessToken({ sub: caller.providerId ? `user-of-${caller.providerId}` : `staff-${caller.roles.join('-')}`, roles: caller.roles, providerId: caller.providerId, organisations: caller.organisations ?? [ORGANISATION] }, TEST_SIGNING_KEY);
  const call: SettlementStack['call'] = async (caller, method, path, body) => {
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token(caller)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const json = (response.headers.get('content-type') ?? '').includes('json') && text.length > 0;
    return { status: response.status, body: json ? JSON.parse(text) : text, headers: response.headers, bytes };
  };
  return {
    env,
    invoicing,
    db,
    service,
    clock: service.app.get(Clock),
    temporal: new Client({ connection: env.connection, namespace: env.namespace ?? 'default' }),
    call,
    async ok(caller, method, path, body) {
      const answer = await call(caller, method, path, body);
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 600)}`);
      return answer.body;
    },
    async upload(caller, path, contentType, content, idempotencyKey) {
      const headers = { authorization: `Bearer ${token(caller)}`, 'content-type': contentType, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
      const response = await fetch(`${service.baseUrl}${path}`, { method: 'POST', headers, body: content });
      const text = await response.text();
      return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, replayed: response.headers.get('idempotent-replayed') };
    },
    async stop() {
      await stopTestStack({ workers: [worker, invoicingWorker], running, then: [() => service.close(), () => db.drop()], env });
    },
  };
}

/** A small PDF's bytes: enough for the attachment store, which checks type, size and checksum. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const HOUSING = 'ENHANCED-HOUSING';
export const HOME_CARE = 'HOME-CARE';

/** The organisation with enhanced service housing (daily, continuing) and home care (hourly). */
export async function setUpOrganisation(stack: SettlementStack): Promise<void> {
  await stack.ok(ADMIN, 'PUT', `/settlement-organisations/${ORGANISATION}`, {
    name: 'Kouvolan kaupunki',
    country: 'FI',
    currency: 'EUR',
    timeZone: ZONE,
    payerName: 'Kouvolan kaupunki',
    payerIban: 'FI2112345600000785',
    payerBic: 'NDEAFIHH',
    payerBusinessId: '0245437-2',
    paymentTermDays: 14,
  });
  await stack.ok(ADMIN, 'PUT', `/settlement-organisations/${ORGANISATION}/services/${HOUSING}`, {
    name: 'Tehostettu palveluasuminen',
    continuingDaily: true,
    contents: [{ code: 'CARE-DAY', name: 'Hoivapalvelumaksu / vrk', unit: 'day' }],
    requiredAttachments: [
      { kind: 'trade-register-extract', level: 'company', description: 'Kaupparekisteriote' },
      { kind: 'self-monitoring-plan', level: 'unit', description: 'Omavalvontasuunnitelma' },
    ],
  });
  await stack.ok(ADMIN, 'PUT', `/settlement-organisations/${ORGANISATION}/services/${HOME_CARE}`, {
    name: 'Kotihoito',
    continuingDaily: false,
    contents: [{ code: 'CARE-HOUR', name: 'Kotihoito / tunti', unit: 'hour' }],
    requiredAttachments: [],
  });
}

/**
 * A provider approved for both services from `approvedFrom` with one unit and company price lists
 * from that day (98.50 € a day, 40.00 € an hour), going through the application workflow.
 */
export async function setUpProvider(stack: SettlementStack, providerId: string, businessId: string, approvedFrom: string, options: { bankAccount?: boolean } = {}): Promise<{ unitId: string }> {
  const provider = providerUser(providerId);
  await stack.ok(provider, 'POST', '/providers', { organisationId: ORGANISATION, businessId, name: `Hoivakoti ${providerId}`, streetAddress: 'Rantatie 4', postalCode: '45100', city: 'Kouvola', email: `info@${providerId}.example` });
  const unit = await stack.ok(provider, 'POST', `/providers/${providerId}/units`, { name: `${providerId} Kotiranta`, streetAddress: 'Rantatie 4', postalCode: '45100', city: 'Kouvola' });
  if (options.bankAccount ?? true) await stack.ok(provider, 'PUT', `/providers/${providerId}/bank-account`, { iban: 'FI4950009420028730', bic: 'OKOYFIHH' });
  await stack.upload(provider, `/providers/${providerId}/attachments?kind=trade-register-extract&fileName=kaupparekisteri.pdf`, 'application/pdf', SAMPLE_PDF);
  await stack.upload(provider, `/providers/${providerId}/attachments?kind=self-monitoring-plan&fileName=omavalvonta.pdf&unitId=${unit.id}`, 'application/pdf', SAMPLE_PDF);
  for (const serviceCode of [HOUSING, HOME_CARE]) {
    const application = await stack.ok(provider, 'POST', `/providers/${providerId}/applications`, { serviceCode, unitIds: [unit.id] });
    await stack.ok(provider, 'POST', `/applications/${application.id}/submit`);
    await stack.ok(OFFICER, 'POST', `/applications/${application.id}/decision`, { decision: 'approve', grounds: 'attachments checked', approvedFrom });
    const list = await stack.ok(provider, 'POST', `/providers/${providerId}/price-lists`, {
      serviceCode,
      name: `Yrityshinnasto ${approvedFrom}`,
      validFrom: approvedFrom,
      items: [serviceCode === HOUSING ? { contentCode: 'CARE-DAY', unitPrice: '98.50' } : { contentCode: 'CARE-HOUR', unitPrice: '40.00' }],
    });
    await stack.ok(OFFICER, 'POST', `/price-lists/${list.id}/decision`, { approve: true, grounds: 'within the ceiling' });
  }
  return { unitId: unit.id };
}

let voucherSequence = 0;

/** Grants a voucher with one content and has the provider reserve it. */
export async function grantAndReserve(
  stack: SettlementStack,
  providerId: string,
  unitId: string,
  content: { serviceCode: string; contentCode: string; unitValue: string; grantedQuantity?: number; grantedPer?: 'week' | 'month' },
  validFrom: string,
): Promise<{ id: string; number: string; clientId: string }> {
  voucherSequence += 1;
  const number = `PS-${voucherSequence.toString().padStart(4, '0')}`;
  const clientId = `client-${voucherSequence}`;
  const voucher = await stack.ok(CASEWORKER, 'POST', '/vouchers', {
    organisationId: ORGANISATION,
    number,
    client: { clientId, clientNumber: `C-${3000 + voucherSequence}`, name: `Asiakas ${voucherSequence}` },
    serviceCode: content.serviceCode,
    validFrom,
    contents: [{ contentCode: content.contentCode, unitValue: content.unitValue, grantedQuantity: content.grantedQuantity, grantedPer: content.grantedPer }],
  });
  await stack.ok(providerUser(providerId), 'POST', `/providers/${providerId}/reservations`, { voucherNumber: number, contentCode: content.contentCode, unitId, termsAccepted: true });
  return { id: voucher.id, number, clientId };
}

/** Moves the Temporal server (and the service's wall clock) to `hour`:00 Helsinki time on `date`. */
export async function skipTo(stack: SettlementStack, date: string, hour = 10): Promise<void> {
  const target = startOfDayInZone(date, ZONE) + hour * 3_600_000;
  const now = await stack.env.currentTimeMs();
  if (target > now) await stack.env.sleep(target - now);
  stack.clock.pin(Math.max(target, now));
}
