import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ClientDeathReport, TaskQueues } from '@clientfees/contracts';
import { mintAccessToken } from '@clientfees/platform';
import { createTestDatabase, eventually, prebuiltWorkflowBundle, serviceTestEnv, ServiceUnderTest, startServiceForTest, startTimeSkippingServer, TEST_SIGNING_KEY, TestDatabase } from '@clientfees/testing';
import { IncomeVerificationModule } from '../../apps/income-verification/src/income-verification.module';
import { AuthoritySim, createAuthoritySim } from '../../apps/authority-sim/src/server';

/**
 * The income-verification service in process against a real Postgres, the Temporal time-skipping
 * server, the workflow bundle and the authority stand-ins over HTTP, for the fixture persons.
 */
describe('income verification against the authority stand-ins', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let sim: AuthoritySim;
  let service: ServiceUnderTest;
  let stop: () => Promise<void>;
  const deaths: ClientDeathReport[] = [];
  const token = (roles: Parameters<typeof mintAccessToken>[0]['roles']) => mintAccessToken({ sub: 'officer-1', roles, organisations: ['fi-demo'] }, TEST_SIGNING_KEY);
  const call = (method: string, path: string, body?: unknown, roles: Parameters<typeof token>[0] = ['client-fee-officer']) => service.request(method, path, { body, token: token(roles) });

  beforeAll(async () => {
    env = await startTimeSkippingServer();
    db = await createTestDatabase();
    sim = createAuthoritySim({ agency: { callback: { attempts: 1, backoffMs: 1, timeoutMs: 1000 } } });
    const simUrl = `http://127.0.0.1:${await sim.listen(0)}`;
    service = await startServiceForTest(IncomeVerificationModule.register(serviceTestEnv(db.url, env.address, { AUTHORITY_SIM_URL: simUrl, TEMPORAL_SCHEDULES: 'false' })));
    const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
    const debt = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.debtFollowup,
      activities: { recordClientDeath: async (report: ClientDeathReport) => (deaths.push(report), { estateCaseId: 'estate-1', firstReport: true }) },
    });
    const running = Promise.all([workflows.run(), debt.run()]);
    stop = async () => {
      workflows.shutdown();
      debt.shutdown();
      await running;
    };
  });

  afterAll(async () => {
    await stop?.();
    await service?.close();
    await sim?.close();
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
    const refused = await call('POST', `/income-reviews/${id}/decision`, { action: 'adjust', fee: '150.00', validFrom: '2026-12-01' });
    expect(refused.status).toBe(400);
    const decided = await call('POST', `/income-reviews/${id}/decision`, { action: 'confirm', validFrom: '2026-12-01' });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ fee: '202.05', validFrom: '2026-12-01', validTo: null });
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

  it('a malformed register answer is shown to the officer, and fetched again on the officer’s word', async () => {
    await consent('client-mikko');
    await fetch(`${(sim.server.address() as { port: number }) && `http://127.0.0.1:${(sim.server.address() as { port: number }).port}`}/sim/faults/incomes-register`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ malformedNext: 1, onlyFor: '300179-935P' }),
    });
    const id = await start('client-mikko', '300179-935P');
    const stuck = await inState(id, 'awaiting-officer');
    expect(stuck.problems[0]).toMatchObject({ source: 'incomes-register', problem: expect.stringContaining('not well-formed XML') });
    expect((await call('POST', `/income-reviews/${id}/resolve-fetch-problem`, { action: 'retry', note: 'transient' })).status).toBe(201);
    const review = await inState(id, 'awaiting-review');
    expect(review.summary.client.lines.find((l: { typeCode: string }) => l.typeCode === '201')).toMatchObject({ rule: 'averaged-12-months', grossMonthly: '1833.33' });
    expect(review.summary.client.excluded.map((e: { typeCode: string }) => e.typeCode)).toEqual(['1302']);
  });

  it('refuses a review of an unknown client without an identity code, and a review without consent waits for it', async () => {
    const missing = await call('POST', '/income-reviews', { organisationId: 'fi-demo', clientId: 'client-x', reason: 'new-client', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' } });
    expect(missing.status).toBe(400);
    expect(missing.body.problems).toEqual([{ field: 'identityCode', reason: 'is needed for a client reviewed for the first time' }]);
    const id = await start('client-sirkka', '251247-982L');
    const waiting = await inState(id, 'awaiting-consent');
    expect(waiting.waitingFor).toContain('has not been asked for consent');
    expect((await call('POST', `/income-reviews/${id}/legal-basis`, { basis: 'statutory right to obtain the income data for the client fee' })).status).toBe(204);
    const review = await inState(id, 'awaiting-review');
    expect(review.population.guardian.name).toBe('Yleinen edunvalvonta, Länsi-Uusimaa');
  });
});
