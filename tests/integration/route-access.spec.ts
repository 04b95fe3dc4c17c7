import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ROLES, SERVICE_NAMES, ServiceName } from '@clientfees/contracts';
import {
  createTestDatabase,
  freePort,
  generateBillingData,
  serviceApi,
  ServiceApi,
  serviceTestEnv,
  ServiceProcess,
  startDevServer,
  startServiceProcess,
  startWorkflowWorkerProcess,
  TestDatabase,
  testToken,
} from '@clientfees/testing';

/**
 * Issue 10's must-show: every route of every service, read from the OpenAPI document Nest builds
 * from the controllers it routes to (not a hand list), is called
 *  - with a token of another organisation holding every role: an organisation- or resource-scoped
 *    route answers 404 and a caller-scoped one nothing of the first organisation's;
 *  - with a token of the organisation for each role the route does not name: 403;
 * and every route declares its roles and its scope, so a route added without one fails here (and
 * the service refuses to start). The first organisation's resources are real rows: a client with
 * billing settings, registrations, an absence, a correction, a rent contract; a selection, a billing
 * run, invoices, a payment with a refund proposal, a deferral waiting for approval, an agency case.
 */

const MINE = 'fi-demo';
const OTHER = 'fi-other';
const ORGANISATION = { name: 'Demo wellbeing services county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
/** Services whose every path parameter must name a seeded resource: a new kind of resource needs a seed here. */
const SEEDED_SERVICES: readonly ServiceName[] = ['invoicing', 'collection'];

interface Operation {
  service: ServiceName;
  method: string;
  path: string;
  public: boolean;
  roles: string[] | undefined;
  scope: { kind: string; resource?: string } | undefined;
}

type OpenApi = { paths: Record<string, Record<string, Record<string, unknown>>> };

describe('every route of every service keeps organisations apart (ADR 0004)', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: ServiceProcess;
  const running = new Map<ServiceName, ServiceProcess>();
  const operations: Operation[] = [];
  /** Path parameter values by the path segment before them. */
  const ids: Record<string, string> = {};
  /** What of the first organisation must never appear in an answer to anyone else. */
  const markers: string[] = [MINE];

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    for (const name of SERVICE_NAMES) {
      const env = serviceTestEnv(db.url, temporal.address, { HTTP_PORT: String(await freePort()), TCP_PORT: String(await freePort()) });
      running.set(name, await startServiceProcess(name, env));
    }
    worker = await startWorkflowWorkerProcess(temporal, serviceTestEnv(db.url, temporal.address));
    for (const [service, process] of running) {
      const document = (await (await fetch(`${process.baseUrl}/docs/openapi.json`)).json()) as OpenApi;
      for (const [path, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          operations.push({
            service,
            method: method.toUpperCase(),
            path,
            public: operation['x-clientfees-public'] === true,
            roles: operation['x-clientfees-roles'] as string[] | undefined,
            scope: operation['x-clientfees-scope'] as Operation['scope'],
          });
        }
      }
    }
    await seed(serviceApi(() => running.get('invoicing')!.baseUrl, 'seeder', { organisations: [MINE] }));
  }, 240000);

  afterAll(async () => {
    await Promise.all([...running.values()].map((process) => process.stop()));
    await worker?.stop();
    await db?.drop();
    await temporal?.teardown();
  });

  async function seed(api: ServiceApi): Promise<void> {
    await api.ok('PUT', `/organisations/${MINE}`, ['administrator'], ORGANISATION);
    await api.ok('PUT', `/organisations/${OTHER}`, ['administrator'], { ...ORGANISATION, name: 'Another county' }, { organisations: [OTHER] });
    const pg = new PgClient({ connectionString: db.url, options: '-c search_path=invoicing' });
    await pg.connect();
    try {
      const { selectionRuleId } = await generateBillingData(pg, MINE, 100, '2026-10');
      // Client 100 has billing settings (area A0), registrations, an absence and a correction.
      const [client] = (await pg.query(`SELECT id, name FROM client WHERE client_number = 'B-100'`)).rows;
      const one = async (sql: string) => ((await pg.query(sql, [client.id])).rows[0] as { id: string }).id;
      Object.assign(ids, {
        clients: client.id,
        'billing-settings': await one('SELECT id FROM billing_setting WHERE client_id = $1'),
        services: await one('SELECT id FROM decided_service WHERE client_id = $1'),
        registrations: await one('SELECT id FROM registration WHERE client_id = $1 LIMIT 1'),
        absences: await one('SELECT id FROM absence WHERE client_id = $1 LIMIT 1'),
        corrections: await one('SELECT id FROM correction WHERE client_id = $1'),
        'rent-contracts': await one(
          `INSERT INTO rent_contract (id, client_id, housing, move_in, contract_start, monthly_rent_cents, created_by)
           VALUES (gen_random_uuid(), $1, 'care', '2026-03-14', '2026-03-17', 62000, 'seeder') RETURNING id`,
        ),
        'selection-rules': selectionRuleId,
      });
      markers.push(client.name, client.id);

      const run = await api.ok('POST', '/billing-runs', ['client-fee-officer'], { organisationId: MINE, period: '2026-10', selectionRuleId });
      const invoice = (clientNumber: string) =>
        api.ok('POST', '/invoices', ['finance-centre'], {
          organisationId: MINE,
          clientNumber,
          invoiceDate: '2026-11-02',
          recipient: { kind: 'client', name: 'Aino Asiakas', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
          rows: [{ description: 'Home care', amount: '120.50' }],
        });
      const [paid, deferred] = [await invoice('B-1'), await invoice('B-2')];
      const payment = await api.ok('POST', '/payments', ['finance-centre'], {
        organisationId: MINE,
        externalId: 'seed-1',
        amount: '150.00',
        currency: 'EUR',
        paidOn: '2026-11-20',
        reference: paid.paymentReference,
      });
      const [proposal] = await api.ok('GET', `/refund-proposals?organisationId=${MINE}`, ['finance-centre']);
      const approvalId = randomUUID();
      await pg.query(
        `INSERT INTO deferral_approval (id, invoice_id, organisation_id, requested_due_date, requested_by, reason, status)
         VALUES ($1, $2, $3, '2027-04-01', 'officer-olli', 'hospital stay', 'pending')`,
        [approvalId, deferred.id, MINE],
      );
      await pg.query(
        `INSERT INTO collection.agency_case (invoice_id, case_id, organisation_id, currency, status) VALUES ($1, 'seed-case', $2, 'EUR', 'in-collection')`,
        [deferred.id, MINE],
      );
      Object.assign(ids, {
        'billing-runs': run.id,
        invoices: paid.id,
        payments: payment.id,
        'refund-proposals': proposal.id,
        'deferral-approvals': approvalId,
        'agency-cases': deferred.id,
        organisations: MINE,
        'price-lists': MINE,
        'rule-tables': 'fi-home-care-income-limits',
        periods: '2021-07-01',
        held: deferred.id,
        'what-if-runs': (
          await pg.query(
            `INSERT INTO invoicing.what_if_run (id, organisation_ids, draft, valid_from, period, rules_of, state, drafted_by)
             VALUES (gen_random_uuid(), $1, '{}'::jsonb, '2027-01-01', '2027-01', '2026-12-01', 'completed', 'seeder') RETURNING id`,
            [[MINE]],
          )
        ).rows[0].id,
      });
      markers.push(run.id, paid.id, deferred.id, payment.id, proposal.id, approvalId, paid.paymentReference);
    } finally {
      await pg.end();
    }
  }

  /** The path with each parameter replaced by the seeded resource its preceding segment names. */
  function pathOf(operation: Operation): string {
    const segments = operation.path.split('/');
    return segments
      .map((segment, i) => {
        if (!/^\{.+\}$/.test(segment)) return segment;
        const seeded = ids[segments[i - 1]];
        if (seeded) return encodeURIComponent(seeded);
        if (SEEDED_SERVICES.includes(operation.service)) throw new Error(`${operation.method} ${operation.path}: no seeded resource for /${segments[i - 1]}/${segment}; add one to seed()`);
        return randomUUID();
      })
      .join('/');
  }

  async function call(operation: Operation, token: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${running.get(operation.service)!.baseUrl}${pathOf(operation)}?organisationId=${MINE}`, {
      method: operation.method,
      headers: { authorization: `Bearer ${token}`, ...(operation.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      body: operation.method === 'GET' ? undefined : JSON.stringify({ organisationId: MINE }),
    });
    return { status: response.status, text: await response.text() };
  }

  const ERROR_KEYS = ['statusCode', 'message', 'error', 'problems'];
  /** An answer with nothing of the first organisation: an error's own fields only, or data none of whose values are its. */
  function expectNoData(operation: Operation, answer: { status: number; text: string }): void {
    const where = `${operation.method} ${operation.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`;
    if (answer.status >= 400) {
      expect({ where, keys: Object.keys(JSON.parse(answer.text)).filter((key) => !ERROR_KEYS.includes(key)) }).toEqual({ where, keys: [] });
    } else {
      expect({ where, leaked: markers.filter((marker) => answer.text.includes(marker)) }).toEqual({ where, leaked: [] });
    }
  }

  const routesOf = (service: ServiceName) => operations.filter((operation) => operation.service === service && !operation.public);

  it('finds the routes of every service, seeded resources for each path parameter, and the demo month calculated', () => {
    for (const service of SERVICE_NAMES) expect({ service, routes: routesOf(service).length > 0 || service }).toEqual({ service, routes: expect.anything() });
    expect(routesOf('invoicing').length).toBeGreaterThan(70);
    for (const operation of operations.filter((o) => SEEDED_SERVICES.includes(o.service))) expect(() => pathOf(operation)).not.toThrow();
  });

  it.each(SERVICE_NAMES)('%s: every route declares the roles that may call it and the organisation it acts for', (service) => {
    const undeclared = routesOf(service)
      .filter((operation) => !operation.roles?.length || !operation.scope)
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(undeclared).toEqual([]);
  });

  it.each(SERVICE_NAMES)('%s: a token of another organisation, with every role, reaches nothing of this one', async (service) => {
    const outsider = testToken({ sub: 'outsider', roles: ROLES, providerId: 'p-other' }, [OTHER]);
    for (const operation of routesOf(service)) {
      const answer = await call(operation, outsider);
      expect({ route: `${operation.method} ${operation.path}`, serverError: answer.status >= 500 }).toEqual({ route: `${operation.method} ${operation.path}`, serverError: false });
      if (operation.scope?.kind !== 'caller') expect({ route: `${operation.method} ${operation.path}`, status: answer.status }).toEqual({ route: `${operation.method} ${operation.path}`, status: 404 });
      expectNoData(operation, answer);
    }
  });

  it.each(SERVICE_NAMES)('%s: each role a route does not name is refused (403), in the route’s own organisation', async (service) => {
    for (const operation of routesOf(service)) {
      for (const role of ROLES.filter((r) => !operation.roles?.includes(r))) {
        const answer = await call(operation, testToken({ sub: `a-${role}`, roles: [role], providerId: role === 'service-provider' ? 'p-1' : undefined }, [MINE]));
        expect({ route: `${operation.method} ${operation.path}`, role, status: answer.status }).toEqual({ route: `${operation.method} ${operation.path}`, role, status: 403 });
        expectNoData(operation, answer);
      }
    }
  });

  it('a unit manager of another debiting area finds none of the area’s clients nor their billing data', async () => {
    const manager = testToken({ sub: 'unit-manager-ulla', roles: ['unit-manager'], debitingAreas: ['A9-NOT'] }, [MINE]);
    const clientRoutes = routesOf('invoicing').filter((operation) => operation.roles?.includes('unit-manager') && operation.scope?.kind === 'resource');
    expect(clientRoutes.length).toBeGreaterThan(5);
    for (const operation of clientRoutes) {
      const answer = await call(operation, manager);
      expect({ route: `${operation.method} ${operation.path}`, status: answer.status }).toEqual({ route: `${operation.method} ${operation.path}`, status: 404 });
    }
    const listed = await fetch(`${running.get('invoicing')!.baseUrl}/clients?organisationId=${MINE}&clientNumber=B-100`, { headers: { authorization: `Bearer ${manager}` } });
    expect(await listed.json()).toEqual([]);
    const own = testToken({ sub: 'unit-manager-ulla', roles: ['unit-manager'], debitingAreas: ['A0'] }, [MINE]);
    const mine = await fetch(`${running.get('invoicing')!.baseUrl}/clients/${ids.clients}/registrations`, { headers: { authorization: `Bearer ${own}` } });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as unknown[]).length).toBeGreaterThan(0);
  });
});
