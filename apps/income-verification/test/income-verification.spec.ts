import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ClientDeathReport, FeeDecisionForInvoicing, POPULATION_CHANGES_WORKFLOW, RegisterAddressChange, TaskQueues, YEARLY_REVIEW_WORKFLOW } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { addMonths, localDateInZone } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  prebuiltWorkflowBundle,
  serviceTestEnv,
  ServiceProcess,
  ServiceUnderTest,
  startServiceForTest,
  startServiceProcess,
  startTimeSkippingServer,
  TEST_SIGNING_KEY,
  TestDatabase,
} from '@clientfees/testing';
import { IncomeVerificationModule } from '../src/income-verification.module';

/**
 * The income-verification service in process against a real Postgres, the Temporal time-skipping
 * server, the workflow bundle and the authority stand-ins (their own process) over HTTP, for the
 * fixture persons.
 */
describe('income verification against the authority stand-ins', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let sim: ServiceProcess;
  let service: ServiceUnderTest;
  let stop: () => Promise<void>;
  const deaths: ClientDeathReport[] = [];
  /** What invoicing was told of decisions (invoicing's side has its own test: tests/integration/decided-fee-billing.spec.ts). */
  const toInvoicing: FeeDecisionForInvoicing[] = [];
  /** The address changes invoicing was sent (invoicing's side: tests/integration/register-address-billing.spec.ts). */
  const addressesToInvoicing: RegisterAddressChange[] = [];
  /**
   * The clients invoicing knows, by invoicing's client id (its side of the message: apps/invoicing/test/access.spec.ts;
   * both over TCP: tests/integration/register-address-billing.spec.ts); every other client is unknown to it.
   */
  const INVOICING_KNOWS: Record<string, { identityCode: string; name: string }> = {
    'client-kerttu': { identityCode: '030650-968W', name: 'Kerttu Kela-Korhonen' },
    'client-named': { identityCode: '140952-9799', name: 'Veikko Vailla' },
  };
  const askedInvoicing: string[] = [];
  /** client-served's home care as invoicing bills it (the service its fee decision is for). */
  const SERVED_HOME_CARE = {
    serviceCode: 'HOME-CARE',
    description: 'Home care',
    kind: 'fi-home-care' as const,
    validFrom: '2026-07-01',
    validTo: null,
    serviceCost: '1300.00',
    hoursPerMonth: '12',
    careType: null,
    monthlyFee: null,
    absenceDeductible: true,
    includesCareHousingFood: false,
  };
  /** Why each was asked: for invoicing's access log. */
  const purposes: string[] = [];
  const token = (roles: Parameters<typeof mintAccessToken>[0]['roles']) => mintAccessToken({ sub: 'officer-1', roles, organisations: ['fi-demo'] }, TEST_SIGNING_KEY);
  const call = (method: string, path: string, body?: unknown, roles: Parameters<typeof token>[0] = ['client-fee-officer']) => service.request(method, path, { body, token: token(roles) });

  beforeAll(async () => {
    env = await startTimeSkippingServer();
    db = await createTestDatabase();
    sim = await startServiceProcess('authority-sim', { HTTP_PORT: String(await freePort()), HTTP_HOST: '127.0.0.1' });
    service = await startServiceForTest(
      IncomeVerificationModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(await freePort()), AUTHORITY_SIM_URL: sim.baseUrl, TEMPORAL_SCHEDULES: 'false' }), {
        invoicingAddresses: { send: async (change) => (addressesToInvoicing.push(change), { applied: true, from: '2026-12-01', versionsChanged: 1 }) },
        invoicingClients: {
          identityOf: async (organisationId, clientId, purpose) => {
            askedInvoicing.push(clientId);
            purposes.push(purpose);
            const known = organisationId === 'fi-demo' ? INVOICING_KNOWS[clientId] : undefined;
            return known ? { known: true, ...known } : { known: false, reason: `invoicing has no client ${clientId} in ${organisationId}` };
          },
          decidedServicesOf: async (organisationId, clientId) =>
            organisationId === 'fi-demo' && clientId === 'client-served'
              ? { known: true, services: [SERVED_HOME_CARE, { ...SERVED_HOME_CARE, serviceCode: 'OLD', hoursPerMonth: '4', validTo: '2026-06-30', validFrom: '2026-01-01' }] }
              : { known: false, reason: `invoicing has no client ${clientId} in ${organisationId}` },
        },
      }),
    );
    const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
    const debt = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.debtFollowup,
      activities: { recordClientDeath: async (report: ClientDeathReport) => (deaths.push(report), { estateCaseId: 'estate-1', firstReport: true }) },
    });
    const invoicing = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.invoicing,
      activities: { recordFeeDecision: async (decision: FeeDecisionForInvoicing) => (toInvoicing.push(decision), { recorded: true, incomeId: `income-${toInvoicing.length}` }) },
    });
    const running = Promise.all([workflows.run(), debt.run(), invoicing.run()]);
    stop = async () => {
      workflows.shutdown();
      debt.shutdown();
      invoicing.shutdown();
      await running;
    };
  });

  afterAll(async () => {
    await stop?.();
    await service?.close();
    await sim?.stop();
    await db?.drop();
    await env?.teardown();
  });

  const consent = (clientId: string) =>
    call('POST', `/clients/${clientId}/consents`, { organisationId: 'fi-demo', status: 'given', sources: ['incomes-register', 'population-register', 'tax-administration'], validFrom: '2026-01-01' });
  const start = async (clientId: string, identityCode: string, service = { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' }) => {
    const started = await call('POST', '/income-reviews', { organisationId: 'fi-demo', clientId, reason: 'yearly-review', identityCode, service, reviewDate: '2026-11-20' });
    expect(started.status).toBe(201);
    return started.body.id as string;
  };
  const inState = (id: string, state: string) => eventually(async () => (await call('GET', `/income-reviews/${id}`)).body, (c) => c.state === state, 60_000, 250);
  /** As inState, moving the test server's clock a minute on between looks: retry backoffs pass at once. */
  const inStateSkippingTime = (id: string, state: string) =>
    eventually(
      async () => {
        await env.sleep('1 minute');
        return (await call('GET', `/income-reviews/${id}`)).body;
      },
      (c) => c.state === state,
      60_000,
      250,
    );
  const simPut = (path: string, body: unknown) => fetch(`${sim.baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const simPost = (path: string, body: unknown) => fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const pdf = async (path: string, roles: Parameters<typeof token>[0] = ['finance-centre']) => {
    const response = await fetch(`${service.baseUrl}${path}`, { headers: { authorization: `Bearer ${token(roles)}` } });
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const runWorkflow = (type: string, workflowId: string) => env.client.workflow.execute(type, { workflowId, taskQueue: TaskQueues.workflows, args: [{ organisationId: 'fi-demo' }] });

  it('Aino, a single pensioner: pensions counted, housing allowance left out with the reason, the fee proposed and decided, every fetch logged', async () => {
    expect((await consent('client-aino')).status).toBe(201);
    const id = await start('client-aino', '120340-902K');
    const review = await inState(id, 'awaiting-review');
    const lines = review.summary.client.lines.map((l: { typeCode: string; rule: string; grossMonthly: string }) => [l.typeCode, l.rule, l.grossMonthly]);
    expect(lines).toEqual([
      ['1001', 'regular', '1650.00'],
      ['1002', 'regular', '120.50'],
      ['capital-income', 'yearly-taxation', '50.00'],
    ]);
    expect(review.summary.client.excluded).toEqual([expect.objectContaining({ typeCode: '1301', reason: expect.stringContaining('Housing allowance is not counted') })]);
    expect(review.summary.client.lines[0].provenance[0].reportId).toMatch(/^[0-9a-f]{32}$/);
    // 2026 table: (1820.50 − 698) × 18 % = 202.05.
    expect(review.proposal).toMatchObject({ fee: '202.05', maximumFee: null });

    expect((await call('GET', `/income-reviews/${id}`, undefined, ['caseworker'])).status).toBe(403);
    // An id that cannot be a review's is a 400 naming it, not a 500 from the database (found by `npm run fuzz`).
    expect(await call('GET', '/income-reviews/fuzz')).toMatchObject({ status: 400, body: { problems: [{ field: 'id', reason: 'must be a UUID' }] } });
    expect((await call('POST', '/income-reviews/fuzz/recalculate')).status).toBe(400);
    const refused = await call('POST', `/income-reviews/${id}/decision`, { action: 'adjust', fee: '150.00', validFrom: '2026-12-01' });
    expect(refused).toMatchObject({ status: 422, body: { rule: 'review', problems: [{ field: 'review', reason: 'an adjusted fee needs the reason for departing from the proposal' }] } });
    const decided = await call('POST', `/income-reviews/${id}/decision`, { action: 'confirm', validFrom: '2026-12-01' });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ fee: '202.05', validFrom: '2026-12-01', validTo: null });
    // Invoicing is told: the income, the decided fee, the register reports it rests on and the rule versions.
    await inState(id, 'decided');
    const told = await eventually(async () => toInvoicing.filter((d) => d.clientId === 'client-aino'), (found) => found.length === 1);
    expect(told[0]).toMatchObject({ organisationId: 'fi-demo', decisionId: decided.body.decisionId, fee: '202.05', validFrom: '2026-12-01', decidedBy: 'officer-1', service: { kind: 'fi-home-care', hoursPerMonth: '10' } });
    expect(told[0].income).toEqual({ grossMonthly: '1820.50', netMonthly: expect.stringMatching(/^\d+\.\d{2}$/), deductions: '0.00', householdSize: 1 });
    expect(told[0].incomeSources[0]).toMatch(/^Incomes Register: 1001 .*, 12 reports 11\/2025–10\/2026, latest report [0-9a-f]{32}$/);
    expect(told[0].incomeSources).toContainEqual(expect.stringMatching(/^tax administration: capital-income /));
    expect(told[0].rules.map((r) => r.table)).toEqual(['FI home-care income limits', 'FI home-care percentages']);
    expect(JSON.stringify(told)).not.toContain('120340');
    const decisions = await call('GET', '/clients/client-aino/fee-decisions?organisationId=fi-demo', undefined, ['finance-centre']);
    expect(decisions.body[0]).toMatchObject({ feeCents: 20205, action: 'confirm', decidedBy: 'officer-1' });
    expect(decisions.body[0].ruleVersions.fee.map((r: { table: string }) => r.table)).toEqual(['FI home-care income limits', 'FI home-care percentages']);
    const log = await call('GET', '/clients/client-aino/fetch-log?organisationId=fi-demo', undefined, ['finance-centre']);
    expect(log.body.map((e: { source: string; outcome: string }) => `${e.source}:${e.outcome}`).sort()).toEqual(['incomes-register:fetched', 'population-register:fetched', 'tax-administration:fetched']);
    expect(log.body[0].grounds).toMatch(/^consent: consent recorded by officer-1/);
    expect(JSON.stringify(log.body)).not.toContain('120340');
  });

  it('Veikko, with no data anywhere: the maximum fee, flagged for the officer', async () => {
    await consent('client-veikko');
    const id = await start('client-veikko', '140952-9799');
    const review = await inState(id, 'awaiting-review');
    expect(review.proposal).toMatchObject({ fee: '850.00', maximumFee: 'no-income-data' });
  });

  it('Eino and Helmi, a couple: the household of two and both pensions', async () => {
    await consent('client-eino');
    const id = await start('client-eino', '051138-913B');
    const review = await inState(id, 'awaiting-review');
    expect(review.proposal.incomeUsed).toMatchObject({ grossMonthly: '3810.20', householdSize: 2 });
    expect(review.summary.spouse.grossMonthly).toBe('1410.20');
  });

  it('Toivo, under a security ban: the address is masked wherever the review is shown', async () => {
    await consent('client-toivo');
    const id = await start('client-toivo', '170245-9572');
    const review = await inState(id, 'awaiting-review');
    expect(review.population).toMatchObject({ securityBan: true, address: 'security ban (turvakielto): not shown' });
  });

  it('Lyyli, deceased: her decision ends on the date of death and debt follow-up is told', async () => {
    await consent('client-lyyli');
    const id = await start('client-lyyli', '080836-946D');
    await inState(id, 'closed-deceased');
    expect(deaths).toEqual([expect.objectContaining({ organisationId: 'fi-demo', clientId: 'client-lyyli', dateOfDeath: '2026-10-12', source: 'population-register' })]);
  });

  it('Mikko, varying wages: a malformed register answer is shown to the officer and fetched again on the officer’s word; his wages averaged over 12 months, the disability allowance left out', async () => {
    await consent('client-mikko');
    await simPut('/sim/faults/incomes-register', { malformedNext: 1, onlyFor: '300179-935P' });
    const id = await start('client-mikko', '300179-935P');
    const stuck = await inState(id, 'awaiting-officer');
    expect(stuck.problems[0]).toMatchObject({ source: 'incomes-register', problem: expect.stringContaining('not well-formed XML') });
    expect((await call('POST', `/income-reviews/${id}/resolve-fetch-problem`, { action: 'retry', note: 'transient' })).status).toBe(201);
    const review = await inState(id, 'awaiting-review');
    expect(review.summary.client.lines.find((l: { typeCode: string }) => l.typeCode === '201')).toMatchObject({ rule: 'averaged-12-months', grossMonthly: '1833.33' });
    expect(review.summary.client.excluded.map((e: { typeCode: string }) => e.typeCode)).toEqual(['1302']);
  });

  it('a client neither invoicing nor an earlier review knows, started without an identity code: the review asks the officer, fetching nothing', async () => {
    await consent('client-x');
    const started = await call('POST', '/income-reviews', { organisationId: 'fi-demo', clientId: 'client-x', reason: 'new-client', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' } });
    expect(started.status).toBe(201);
    const stuck = await inState(started.body.id, 'awaiting-officer');
    expect(stuck.problems[0]).toMatchObject({ person: 'client', problem: expect.stringContaining('no client to fetch for') });
    expect(askedInvoicing).toContain('client-x');
    expect((await call('GET', '/clients/client-x/fetch-log?organisationId=fi-demo')).body).toEqual([]);
  });

  it('every read of a review, which carries incomes, is in the audit log with the reader and the review', async () => {
    const started = await call('POST', '/income-reviews', { organisationId: 'fi-demo', clientId: 'client-read', reason: 'new-client', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' } });
    expect(started.status).toBe(201);
    expect((await call('GET', `/income-reviews/${started.body.id}`)).status).toBe(200);
    const entries = (await call('GET', `/audit-log?organisationId=fi-demo&resourceId=${started.body.id}`, undefined, ['administrator'])).body as Array<Record<string, unknown>>;
    expect(entries).toContainEqual(expect.objectContaining({ route: 'GET /income-reviews/:id', personalData: 'income', records: 1, outcome: 'done' }));
  });

  it('the fee decision is for the service invoicing has decided for the client on the review date; the request’s only when invoicing has none', async () => {
    const body = { organisationId: 'fi-demo', clientId: 'client-served', reason: 'new-client', reviewDate: '2026-11-20' };
    const fromInvoicing = await call('POST', '/income-reviews', body);
    expect(fromInvoicing.status).toBe(201);
    expect(fromInvoicing.body.service).toEqual({ kind: 'fi-home-care', hoursPerMonth: '12', serviceCost: '1300.00' });
    const named = await call('POST', '/income-reviews', { ...body, service: { kind: 'fi-home-care', hoursPerMonth: '3', serviceCost: '300.00' } });
    expect(named.body.service).toEqual({ kind: 'fi-home-care', hoursPerMonth: '12', serviceCost: '1300.00' });
    // Invoicing does not know the client: the request must name the service.
    const unnamed = await call('POST', '/income-reviews', { ...body, clientId: 'client-unserved' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.problems).toEqual([{ field: 'service', reason: 'invoicing has no client client-unserved in fi-demo: name the service the fee decision is for' }]);
    for (const id of [fromInvoicing.body.id, named.body.id]) expect((await call('POST', `/income-reviews/${id}/cancel`, { reason: 'test: only the service was looked at' })).status).toBeLessThan(300);
  });

  it('the code invoicing holds is the one used: an identity code in the body is only for a client invoicing does not know', async () => {
    await consent('client-named');
    // Aino's code typed in; invoicing names the client Veikko, who has no data anywhere.
    const id = await start('client-named', '120340-902K');
    const review = await inState(id, 'awaiting-review');
    expect(review.proposal).toMatchObject({ fee: '850.00', maximumFee: 'no-income-data' });
    expect(review.summary.client.lines).toEqual([]);
  });

  it('Sirkka, with a guardian who declines consent: the review waits, fetches on the officer’s legal basis (logged as such) and names the guardian', async () => {
    const declined = await call('POST', '/clients/client-sirkka/consents', { organisationId: 'fi-demo', status: 'declined', sources: ['incomes-register', 'population-register', 'tax-administration'], validFrom: '2026-01-01' });
    expect(declined.status).toBe(201);
    const id = await start('client-sirkka', '251247-982L');
    const waiting = await inState(id, 'awaiting-consent');
    expect(waiting.waitingFor).toContain('consent is declined');
    // Nothing was fetched while consent was declined.
    expect((await call('GET', '/clients/client-sirkka/fetch-log?organisationId=fi-demo')).body).toEqual([]);
    expect((await call('POST', `/income-reviews/${id}/legal-basis`, { basis: 'statutory right to obtain the income data for the client fee' })).status).toBe(204);
    const review = await inState(id, 'awaiting-review');
    expect(review.population.guardian.name).toBe('Yleinen edunvalvonta, Länsi-Uusimaa');
    const log = (await call('GET', '/clients/client-sirkka/fetch-log?organisationId=fi-demo')).body;
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e: { grounds: string }) => e.grounds.startsWith('legal-basis: statutory right'))).toBe(true);
  });

  it('prints Aino’s decision in Finnish and Swedish: the fee, her pensions with their register reports, the housing allowance left out, the arithmetic and the appeal instructions', async () => {
    const [decision] = (await call('GET', '/clients/client-aino/fee-decisions?organisationId=fi-demo', undefined, ['finance-centre'])).body;
    const fi = await pdf(`/fee-decisions/${decision.id}/document?language=fi`);
    expect(fi.status).toBe(200);
    expect(fi.type).toBe('application/pdf');
    const fiText = readPdf(fi.body);
    // Table cells wrap within their column: whitespace (line breaks too) is compared as one space.
    const fiAll = fiText.pages.join('\n').replace(/\s+/g, ' ');
    expect(fiText.title).toBe('Asiakasmaksupäätös');
    expect(fiAll).toContain('Asiakasmaksunne on 202,05 € kuukaudessa 1.12.2026 alkaen toistaiseksi.');
    expect(fiAll).toContain('Aino Maria Testinen');
    expect(fiAll).toContain('Työeläkelakien mukainen vanhuuseläke');
    expect(fiAll).toMatch(/Tulorekisteri: 12 ilmoitusta 11\/2025–10\/2026/);
    expect(fiAll).toContain('Eläkkeensaajan asumistuki');
    expect(fiAll).toContain('1 820,50 € − 698,00 € = 1 122,50 € tulorajan ylittävää tuloa.');
    expect(fiAll).toContain('Oikaisuvaatimusohje');
    expect(fiAll).toMatch(/income-types\.csv sha256:[0-9a-f]{12}/);
    expect(fiText.fonts.some((font) => font.includes('DejaVuSans'))).toBe(true);
    const svAll = readPdf((await pdf(`/fee-decisions/${decision.id}/document?language=sv`)).body).pages.join('\n').replace(/\s+/g, ' ');
    expect(svAll).toContain('Er klientavgift är 202,05 € i månaden från och med 1.12.2026 tills vidare.');
    expect(svAll).toContain('Ålderspension enligt arbetspensio'); // a word longer than its column breaks
    expect(svAll).toContain('Folkpension');
    expect(svAll).toContain('Anvisning för begäran om omprövning');
    expect(fiAll).not.toContain('120340');

    const english = await call('GET', `/fee-decisions/${decision.id}/document?language=en`, undefined, ['finance-centre']);
    expect(english.status).toBe(400);
    expect(english.body.problems).toEqual([{ field: 'language', reason: 'must be one of fi, sv' }]);
    expect((await pdf(`/fee-decisions/${decision.id}/document?language=fi`, ['caseworker'])).status).toBe(403);
  });

  // Before Kerttu's test, which moves the test server's clock on: Helmi's register call is slow on purpose.
  it('Helmi: consent withdrawn while the register is answering stops the review until consent is given again', async () => {
    await consent('client-helmi');
    await simPut('/sim/faults/incomes-register', { latencyMs: 3000 });
    const id = await start('client-helmi', '210741-924K');
    await inState(id, 'fetching');
    const withdrawn = await call('POST', '/clients/client-helmi/consents', { organisationId: 'fi-demo', status: 'withdrawn', sources: ['incomes-register', 'population-register', 'tax-administration'], validFrom: '2026-01-01' });
    expect(withdrawn.status).toBe(201);
    const waiting = await inState(id, 'awaiting-consent');
    expect(waiting.waitingFor).toContain('withdrawn');
    await simPut('/sim/faults/incomes-register', { latencyMs: 0 });
    await consent('client-helmi');
    const review = await inState(id, 'awaiting-review');
    expect(review.summary.client.grossMonthly).toBe('1410.20');
  });

  it('a slow register: a fetch running longer than its heartbeat timeout (two calls of 12 s against 20 s) is one attempt, kept alive by its heartbeats', async () => {
    await consent('client-veikko-slow');
    await simPut('/sim/faults/incomes-register', { latencyMs: 12_000 });
    try {
      const id = await start('client-veikko-slow', '140952-9799');
      const review = await eventually(async () => (await call('GET', `/income-reviews/${id}`)).body, (c) => c.state === 'awaiting-review', 80_000, 500);
      expect(review.proposal).toMatchObject({ maximumFee: 'no-income-data' });
    } finally {
      await simPut('/sim/faults/incomes-register', { latencyMs: 0 });
    }
    const log = (await call('GET', '/clients/client-veikko-slow/fetch-log?organisationId=fi-demo')).body.filter((e: { source: string }) => e.source === 'incomes-register');
    expect(log.map((e: { outcome: string }) => e.outcome)).toEqual(['fetched']);
  }, 100_000);

  it('Kerttu, started with her client id alone: her identity code from invoicing, an Incomes Register outage waited out, then her yearly review opens a year after her decision, once', async () => {
    await consent('client-kerttu');
    await simPut('/sim/faults/incomes-register', { failNext: 3, onlyFor: '030650-968W' });
    const started = await call('POST', '/income-reviews', { organisationId: 'fi-demo', clientId: 'client-kerttu', reason: 'new-client', service: { kind: 'fi-home-care', hoursPerMonth: '8', serviceCost: '700.00' }, reviewDate: '2026-11-20' });
    expect(started.status).toBe(201);
    // Nowhere in the workflow: its input and id name the case and the client id only.
    const described = await env.client.workflow.getHandle(`income-verification-${started.body.id}`).describe();
    expect(JSON.stringify({ id: described.workflowId, memo: described.memo, attributes: described.searchAttributes })).not.toContain('030650');
    const history = await env.client.workflow.getHandle(`income-verification-${started.body.id}`).fetchHistory();
    expect(JSON.stringify(history.events?.[0])).not.toContain('030650');
    // The register's retries back off 10 s, 20 s, 40 s: the clock is moved on while they wait.
    const first = await inStateSkippingTime(started.body.id, 'awaiting-review');
    // The guarantee pension counted; the housing allowance left out.
    expect(first.summary.client.lines.map((l: { typeCode: string }) => l.typeCode)).toContain('1003');
    expect(first.summary.client.excluded.map((x: { typeCode: string }) => x.typeCode)).toEqual(['1301']);
    const log = (await call('GET', '/clients/client-kerttu/fetch-log?organisationId=fi-demo')).body.filter((e: { source: string }) => e.source === 'incomes-register');
    expect(log.map((e: { outcome: string }) => e.outcome)).toEqual(['unavailable', 'unavailable', 'unavailable', 'fetched']);
    expect(log[0].detail).toMatch(/attempt 1: .*answered 503/);
    // Decided as if a year ago, so that the yearly review finds it one year old today.
    const decided = await call('POST', `/income-reviews/${started.body.id}/decision`, { action: 'confirm', validFrom: addMonths(localDateInZone(Date.now(), 'Europe/Helsinki'), -12) });
    expect(decided.status).toBe(201);

    expect(await runWorkflow(YEARLY_REVIEW_WORKFLOW, 'yearly-income-review-fi-demo-1')).toMatchObject({ opened: 1, started: 1 });
    const yearly = (await call('GET', '/income-reviews?organisationId=fi-demo&clientId=client-kerttu')).body.find((c: { reason: string }) => c.reason === 'yearly-review');
    expect(yearly).toMatchObject({ followsDecisionId: decided.body.decisionId, service: { kind: 'fi-home-care', hoursPerMonth: '8' }, startedBy: 'yearly-review schedule' });
    // Nobody typed the identity code: invoicing named her once, and the yearly review has the code of the review it follows.
    const again = await inState(yearly.id, 'awaiting-review');
    expect(again.summary.client.lines.map((l: { typeCode: string }) => l.typeCode)).toContain('1003');
    expect(askedInvoicing.filter((clientId) => clientId === 'client-kerttu')).toHaveLength(1);
    expect(purposes).toContain(`income review ${started.body.id} (new-client), started by officer-1`);
    expect(await runWorkflow(YEARLY_REVIEW_WORKFLOW, 'yearly-income-review-fi-demo-2')).toEqual({ opened: 0, started: 0 });
  });

  it('reads the population register’s change feed: a death ends the decision and tells debt follow-up once; an address change and a security ban are recorded and the address is masked', async () => {
    // The first reading starts from today.
    expect(await runWorkflow(POPULATION_CHANGES_WORKFLOW, 'population-changes-fi-demo-1')).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 0 });
    expect((await simPost('/sim/population-register/changes', { kind: 'address', identityCode: '051138-913B', street: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo', from: '2026-12-01' })).status).toBe(201);
    expect((await simPost('/sim/population-register/changes', { kind: 'security-ban', identityCode: '051138-913B', active: true })).status).toBe(201);
    expect((await simPost('/sim/population-register/changes', { kind: 'death', identityCode: '120340-902K', date: '2026-12-15' })).status).toBe(201);
    // Sirkka is a client too (her review above): her death is reported as well.
    expect((await simPost('/sim/population-register/changes', { kind: 'death', identityCode: '251247-982L', date: '2026-12-16' })).status).toBe(201);

    expect(await runWorkflow(POPULATION_CHANGES_WORKFLOW, 'population-changes-fi-demo-2')).toEqual({ deaths: 2, addressChanges: 1, securityBanChanges: 1 });
    const aino = deaths.filter((d) => d.clientId === 'client-aino');
    expect(aino).toEqual([expect.objectContaining({ dateOfDeath: '2026-12-15', source: 'population-register', sourceReference: expect.stringContaining('change feed'), reportedBy: 'income-verification' })]);
    expect(deaths.filter((d) => d.clientId === 'client-sirkka')).toEqual([expect.objectContaining({ dateOfDeath: '2026-12-16' })]);
    const [decision] = (await call('GET', '/clients/client-aino/fee-decisions?organisationId=fi-demo')).body;
    expect(decision).toMatchObject({ validTo: '2026-12-15', endReason: 'the client died' });

    const changes = (await call('GET', '/clients/client-eino/population-changes?organisationId=fi-demo')).body;
    expect(changes.map((c: { kind: string; detail: unknown }) => [c.kind, c.detail])).toEqual([
      ['address', { hidden: true }],
      ['security-ban', { active: true }],
    ]);
    const [einoReview] = (await call('GET', '/income-reviews?organisationId=fi-demo&clientId=client-eino')).body;
    expect(einoReview.population).toMatchObject({ securityBan: true, address: 'security ban (turvakielto): not shown' });
    // Invoicing is told both, and never the address the ban protects.
    expect(addressesToInvoicing.map(({ clientId, address, protected: isProtected }) => ({ clientId, address, protected: isProtected }))).toEqual([
      { clientId: 'client-eino', address: null, protected: true },
      { clientId: 'client-eino', address: null, protected: true },
    ]);
    expect(addressesToInvoicing[0]).toMatchObject({ organisationId: 'fi-demo', changeId: changes[0].id, sourceReference: expect.stringMatching(/^population register change feed, key \d+, recorded \d{4}-/) });
    expect(JSON.stringify(addressesToInvoicing)).not.toMatch(/Uusikatu|051138/);
    expect(changes.map((c: { reportedAt: string | null }) => c.reportedAt)).toEqual([expect.any(String), expect.any(String)]);

    // Read again: nothing new, and the death is not reported twice.
    expect(await runWorkflow(POPULATION_CHANGES_WORKFLOW, 'population-changes-fi-demo-3')).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 0 });
    expect(deaths.filter((d) => d.clientId === 'client-aino')).toHaveLength(1);
    expect(addressesToInvoicing).toHaveLength(2);
  });

  it('keeps each organisation’s Schedule settings with who set them; refuses a feed read more often than every 5 minutes', async () => {
    const bad = await call('PUT', '/organisations/fi-demo/income-verification-schedules', { changeFeedEveryMinutes: 1, yearlyReviewLeadDays: 30, yearlyReviewHour: 6, timeZone: 'Europe/Helsinki' }, ['administrator']);
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ field: 'changeFeedEveryMinutes' })]);
    expect((await call('PUT', '/organisations/fi-demo/income-verification-schedules', { changeFeedEveryMinutes: 60, yearlyReviewLeadDays: 30, yearlyReviewHour: 6, timeZone: 'Europe/Helsinki' }, ['client-fee-officer'])).status).toBe(403);
    const saved = await call('PUT', '/organisations/fi-demo/income-verification-schedules', { changeFeedEveryMinutes: 60, yearlyReviewLeadDays: 30, yearlyReviewHour: 6, timeZone: 'Europe/Helsinki' }, ['administrator']);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ changeFeedEveryMinutes: 60, changedBy: 'officer-1' });
  });
});
