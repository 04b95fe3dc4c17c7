import { providerApplicationStatusQuery, providerApplicationWorkflowId, reclamationWorkflowId, voucherSettlementStatusQuery, voucherSettlementWorkflowId } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { eventually, keepWorkflowHistory, startTimeSkippingServer } from '@clientfees/testing';
import {
  ADMIN,
  CASEWORKER,
  FINANCE,
  grantAndReserve,
  HOUSING,
  OFFICER,
  ORGANISATION,
  providerUser,
  SAMPLE_PDF,
  setUpOrganisation,
  setUpProvider,
  SettlementStack,
  skipTo,
  startSettlementStack,
  ZONE,
} from './settlement-stack';
import { xsdProblems } from './support/xsd';

const ilokoti = providerUser('ilokoti');

/** Applications, price lists, deaths, own shares, feedback and reports on the time-skipping server. */
describe('providers, price lists and voucher clients', () => {
  let stack: SettlementStack;
  let ilokotiUnit: string;

  beforeAll(async () => {
    stack = await startSettlementStack(await startTimeSkippingServer());
    await skipTo(stack, '2027-05-03');
    await setUpOrganisation(stack);
    await stack.ok(ilokoti, 'POST', '/providers', { organisationId: ORGANISATION, businessId: '0245437-2', name: 'Ilokoti Oy', streetAddress: 'Salpausselänkatu 2', postalCode: '45100', city: 'Kouvola', email: 'info@ilokoti.example' });
    ilokotiUnit = (await stack.ok(ilokoti, 'POST', '/providers/ilokoti/units', { name: 'Ilokoti Keskusta', streetAddress: 'Salpausselänkatu 2', postalCode: '45100', city: 'Kouvola' })).id;
    await stack.upload(ilokoti, '/providers/ilokoti/attachments?kind=trade-register-extract&fileName=kr.pdf', 'application/pdf', SAMPLE_PDF);
    await stack.upload(ilokoti, `/providers/ilokoti/attachments?kind=self-monitoring-plan&fileName=ov.pdf&unitId=${ilokotiUnit}`, 'application/pdf', SAMPLE_PDF);
  }, 90000);

  afterAll(() => stack?.stop());

  it('approves an application after the municipality was reminded of it (seed 003 §1.3, §2.2)', async () => {
    const application = await stack.ok(ilokoti, 'POST', '/providers/ilokoti/applications', { serviceCode: HOUSING, unitIds: [ilokotiUnit] });
    await stack.ok(ilokoti, 'POST', `/applications/${application.id}/submit`);
    const handle = stack.temporal.workflow.getHandle(providerApplicationWorkflowId(application.id));

    const returned = await stack.ok(OFFICER, 'POST', `/applications/${application.id}/decision`, { decision: 'request-changes', grounds: 'the rescue plan is missing' });
    expect(returned.state).toBe('changes-requested');
    await skipTo(stack, '2027-05-04');
    expect((await stack.ok(ilokoti, 'POST', `/applications/${application.id}/submit`)).state).toBe('submitted');

    // Seven days after the new sending, at 08:00 in Helsinki, the handlers are reminded.
    await skipTo(stack, '2027-05-11', 7);
    expect((await handle.query(providerApplicationStatusQuery)).reminders).toBe(0);
    await skipTo(stack, '2027-05-11', 9);
    await eventually(() => handle.query(providerApplicationStatusQuery), (status) => status.reminders === 1);
    const inbox = await stack.ok(OFFICER, 'GET', `/notifications?organisationId=${ORGANISATION}`);
    expect(inbox).toContainEqual(expect.objectContaining({ audience: 'application-handlers', subjectId: application.id, message: expect.stringContaining('has waited 7 days for a decision') }));

    const noGrounds = await stack.call(OFFICER, 'POST', `/applications/${application.id}/decision`, { decision: 'approve', grounds: ' ', approvedFrom: '2027-06-01' });
    expect([noGrounds.status, noGrounds.body.rule, noGrounds.body.problems[0].reason]).toEqual([422, 'decideApplication', 'a decision on an application states its grounds']);
    await skipTo(stack, '2027-05-12');
    const approved = await stack.ok(OFFICER, 'POST', `/applications/${application.id}/decision`, { decision: 'approve', grounds: 'complete; rule book accepted', approvedFrom: '2027-06-01' });
    expect(approved).toMatchObject({ state: 'approved', approvedFrom: '2027-06-01' });
    expect(approved.decisions.map((d: { decision: string; grounds: string; decidedBy: string }) => [d.decision, d.grounds, d.decidedBy])).toEqual([
      ['request-changes', 'the rescue plan is missing', 'staff-client-fee-officer'],
      ['approve', 'complete; rule book accepted', 'staff-client-fee-officer'],
    ]);
    expect(await stack.temporal.workflow.getHandle(providerApplicationWorkflowId(application.id)).result()).toEqual({ applicationId: application.id, outcome: 'approved', approvedFrom: '2027-06-01' });
    keepWorkflowHistory(stack.env.address, providerApplicationWorkflowId(application.id), 'provider-application-v1-changes-reminded-approved');
    expect((await stack.ok(ilokoti, 'GET', '/providers/ilokoti')).services).toEqual([{ serviceCode: HOUSING, approvedFrom: '2027-06-01', applicationId: application.id }]);
    const again = await stack.call(OFFICER, 'POST', `/applications/${application.id}/decision`, { decision: 'reject', grounds: 'changed our mind' });
    expect(again.status).toBe(409);
  });

  it('keeps price lists of one unit from overlapping and prices events by the event date (seed 003 §1.3.7)', async () => {
    const list = (validFrom: string, price: string, unitId?: string) =>
      stack.ok(ilokoti, 'POST', '/providers/ilokoti/price-lists', { serviceCode: HOUSING, unitId, name: `Hinnasto ${validFrom}`, validFrom, items: [{ contentCode: 'CARE-DAY', unitPrice: price }] });
    const decide = (id: string) => stack.call(OFFICER, 'POST', `/price-lists/${id}/decision`, { approve: true, grounds: 'ok' });
    const june = await list('2027-06-01', '95.00', ilokotiUnit);
    const julyFifteenth = await list('2027-07-15', '99.00', ilokotiUnit);
    const juneAgain = await list('2027-06-01', '96.00', ilokotiUnit);
    expect((await decide(june.id)).body).toMatchObject({ state: 'approved', validTo: null });
    expect((await decide(julyFifteenth.id)).body).toMatchObject({ state: 'approved', validTo: null });
    expect((await stack.ok(ilokoti, 'GET', `/price-lists/${june.id}`)).validTo).toBe('2027-07-14');
    const clash = await decide(juneAgain.id);
    expect([clash.status, clash.body.problems[0].reason]).toEqual([409, 'the unit already has a price list from 2027-06-01']);
    // An approved list is never changed: a decision on it again is refused.
    expect((await decide(june.id)).status).toBe(409);

    const voucher = await grantAndReserve(stack, 'ilokoti', ilokotiUnit, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' }, '2027-06-01');
    // Recorded in August, for July: 14 days at 95.00 and 17 at 99.00.
    await skipTo(stack, '2027-08-02');
    const july = await stack.ok(ilokoti, 'POST', `/vouchers/${voucher.id}/events`, { contentCode: 'CARE-DAY', startDate: '2027-07-01', endDate: '2027-07-31', complete: true });
    expect([july.priceCents, july.voucherValueCents, july.ownShareCents]).toEqual([14 * 9500 + 17 * 9900, 31 * 8200, 14 * 9500 + 17 * 9900 - 31 * 8200]);

    // The client's own share for July, as JSON and as the printable specification.
    const ownShare = await stack.ok(ilokoti, 'GET', `/vouchers/${voucher.id}/own-share?from=2027-07-01&to=2027-07-31`);
    expect(ownShare).toMatchObject({ price: { amount: '3013.00' }, voucherValue: { amount: '2542.00' }, ownShare: { amount: '471.00' } });
    const pdf = await stack.call(CASEWORKER, 'GET', `/vouchers/${voucher.id}/own-share.pdf?from=2027-07-01&to=2027-07-31`);
    expect(readPdf(pdf.bytes).pages.join(' ').replace(/\s+/g, ' ')).toContain('Omavastuu / own share 471.00 EUR');

    // The voucher closes the day after the client's death; nothing is recorded after that.
    const closed = await stack.ok(CASEWORKER, 'POST', '/client-deaths', { organisationId: ORGANISATION, clientId: voucher.clientId, dateOfDeath: '2027-08-10', source: 'death certificate' });
    expect(closed).toEqual({ closedVoucherIds: [voucher.id] });
    expect(await stack.ok(ilokoti, 'GET', `/vouchers/${voucher.id}`)).toMatchObject({ state: 'closed', validTo: '2027-08-11' });
    const late = await stack.call(ilokoti, 'POST', `/vouchers/${voucher.id}/events`, { contentCode: 'CARE-DAY', startDate: '2027-08-01', endDate: '2027-08-12', complete: false });
    expect([late.status, late.body.problems[0].reason]).toEqual([400, 'the voucher is valid until 2027-08-11']);
    // Reported again (the estate workflow's activity, or a person): nothing changes.
    expect(await stack.ok(CASEWORKER, 'POST', '/client-deaths', { organisationId: ORGANISATION, clientId: voucher.clientId, dateOfDeath: '2027-08-10', source: 'again' })).toEqual({ closedVoucherIds: [] });

    // Reports: realisation and interruptions, as JSON and CSV.
    const report = await stack.ok(ilokoti, 'GET', `/reports/clients-and-realisation?organisationId=${ORGANISATION}&from=2027-07&to=2027-07`);
    expect(report).toEqual([expect.objectContaining({ month: '2027-07', serviceCode: HOUSING, contentCode: 'CARE-DAY', providerId: 'ilokoti', clients: 1, completeUnits: 31, incompleteUnits: 0, voucherValueCents: 254200 })]);
    const csv = await stack.call(OFFICER, 'GET', `/reports/clients-and-realisation?organisationId=${ORGANISATION}&from=2027-07&to=2027-07&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toBe('\uFEFFMonth;Service;Content;Provider;Clients;Units complete;Units incomplete;Price;Voucher value;Own share;Settled\r\n2027-07;ENHANCED-HOUSING;CARE-DAY;Ilokoti Oy;1;31;0;3013.00;2542.00;471.00;0.00\r\n');
  });

  it('follows a reclamation until its one answer (seed 003 §4.4)', async () => {
    await skipTo(stack, '2027-09-01');
    const reclamation = await stack.ok(CASEWORKER, 'POST', '/feedback', { organisationId: ORGANISATION, providerId: 'ilokoti', kind: 'reclamation', text: 'Evening medication late three times.', answerRequested: false });
    const followUp = stack.temporal.workflow.getHandle(reclamationWorkflowId(reclamation.id));
    await skipTo(stack, '2027-09-08', 9);
    await eventually(async () => (await stack.ok(ilokoti, 'GET', `/notifications?organisationId=${ORGANISATION}`)).filter((n: { message: string }) => n.message === 'A reclamation is still waiting for your answer').length, (n) => n === 1);
    const answered = await stack.ok(ilokoti, 'POST', `/feedback/${reclamation.id}/answer`, { answer: 'The evening round now starts at 19:30.' });
    expect(answered).toMatchObject({ answer: 'The evening round now starts at 19:30.', answeredBy: 'user-of-ilokoti' });
    const second = await stack.call(ilokoti, 'POST', `/feedback/${reclamation.id}/answer`, { answer: 'Another answer' });
    expect([second.status, second.body.problems[0].reason]).toEqual([409, 'the feedback has been answered; an answer is given once only']);
    expect(await followUp.result()).toEqual({ reminders: 1 });
    keepWorkflowHistory(stack.env.address, followUp.workflowId, 'reclamation-follow-up-v1-reminded-answered');
    // The municipality sees the reclamation and the answer; another provider does not.
    expect((await stack.ok(OFFICER, 'GET', `/feedback/${reclamation.id}`)).answer).toBe('The evening round now starts at 19:30.');
    expect((await stack.call(providerUser('someone-else'), 'GET', `/feedback/${reclamation.id}`)).status).toBe(404);
  });

  it('refuses an interruption rule with a gap and applies a service’s own rule', async () => {
    const gap = await stack.call(ADMIN, 'POST', '/interruption-rules', { organisationId: ORGANISATION, validFrom: '2027-01-01', bands: [{ fromDay: 0, toDay: 10, percent: 100 }, { fromDay: 12, toDay: null, percent: 0 }], returnDayPercent: 100 });
    expect(gap.body.problems).toEqual([{ field: 'bands.1.fromDay', reason: 'must be 11: the bands run on from day 0 without gaps' }]);
    await stack.ok(ADMIN, 'POST', '/interruption-rules', { organisationId: ORGANISATION, serviceCode: HOUSING, reason: 'holiday', validFrom: '2027-01-01', bands: [{ fromDay: 0, toDay: 6, percent: 50 }, { fromDay: 7, toDay: null, percent: 0 }], returnDayPercent: 100 });
    const unit = (await setUpProvider(stack, 'kaislikko', '1572860-0', '2027-01-01')).unitId;
    const voucher = await grantAndReserve(stack, 'kaislikko', unit, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '80.00' }, '2027-01-01');
    const holiday = await stack.ok(providerUser('kaislikko'), 'POST', `/vouchers/${voucher.id}/interruptions`, { contentCode: 'CARE-DAY', reason: 'holiday', startDate: '2027-08-01', endDate: '2027-08-10', complete: true });
    // 1.-7.8. at 50 %, 8.-9.8. at 0 %, the return day at 100 %: 7 × 40 + 80.
    expect([holiday.compensatedDays, holiday.uncompensatedDays, holiday.compensationCents]).toEqual([8, 2, 36000]);
    const report = await stack.ok(OFFICER, 'GET', `/reports/interruptions?organisationId=${ORGANISATION}&from=2027-08&to=2027-08&serviceCode=${HOUSING}`);
    expect(report).toEqual([expect.objectContaining({ voucherNumber: voucher.number, reason: 'holiday', startDate: '2027-08-01', endDate: '2027-08-10', compensatedDays: 8, compensationCents: 36000, settled: false })]);
  });

  let voucher: { id: string; number: string };

  it('settles on the 4th on a Saturday and pays on the next banking day after Independence Day', async () => {
    // A payment term of 2 days: 4.12.2027 (Saturday) + 2 = Monday 6.12., Independence Day → Tuesday 7.12.
    await stack.ok(ADMIN, 'PUT', `/settlement-organisations/${ORGANISATION}`, {
      name: 'Kouvolan kaupunki',
      country: 'FI',
      currency: 'EUR',
      timeZone: ZONE,
      payerName: 'Kouvolan kaupunki',
      payerIban: 'FI2112345600000785',
      payerBic: 'NDEAFIHH',
      payerBusinessId: '0245437-2',
      paymentTermDays: 2,
    });
    const unit = (await setUpProvider(stack, 'saarela', '1234567-1', '2027-10-01')).unitId;
    voucher = await grantAndReserve(stack, 'saarela', unit, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' }, '2027-10-01');
    await skipTo(stack, '2027-11-30');
    await stack.ok(providerUser('saarela'), 'POST', `/vouchers/${voucher.id}/events`, { contentCode: 'CARE-DAY', startDate: '2027-11-01', endDate: '2027-11-30', complete: true });

    await skipTo(stack, '2027-12-01', 7);
    await stack.ok(FINANCE, 'POST', '/settlements', { organisationId: ORGANISATION, month: '2027-11' });
    const handle = stack.temporal.workflow.getHandle(voucherSettlementWorkflowId(ORGANISATION, '2027-11'));
    await skipTo(stack, '2027-12-04', 5);
    expect((await handle.query(voucherSettlementStatusQuery)).phase).toBe('awaiting-approvals');
    await skipTo(stack, '2027-12-04', 7);
    const { settlementId } = await eventually(() => handle.query(voucherSettlementStatusQuery), (status) => status.phase === 'settled', 30000);
    const view = await stack.ok(FINANCE, 'GET', `/settlements/${settlementId}`);
    expect(view).toMatchObject({ settledOn: '2027-12-04', paymentDate: '2027-12-07' });
    expect(view.providers.find((p: { providerId: string }) => p.providerId === 'saarela')).toMatchObject({ eventsCents: 30 * 8200, payableCents: 30 * 8200 });
    const file = (await stack.call(FINANCE, 'GET', `/settlements/${settlementId}/payment-file.xml`)).body as string;
    expect(await xsdProblems(file)).toBe('');
    expect(file).toContain('<ReqdExctnDt><Dt>2027-12-07</Dt></ReqdExctnDt>');
  });

  it('takes the end date of a client who never returns from the provider (seed 003 §4.3.5.5)', async () => {
    const saarela = providerUser('saarela');
    await skipTo(stack, '2027-12-10');
    const stay = await stack.ok(saarela, 'POST', `/vouchers/${voucher.id}/interruptions`, { contentCode: 'CARE-DAY', reason: 'hospital', startDate: '2027-12-10', complete: false });
    expect(stay).toMatchObject({ endDate: null, compensatedDays: null });
    // 28.12.: the client will not come back; the provider learnt it on the 27th, which is not a return day.
    await skipTo(stack, '2027-12-28');
    const ended = await stack.ok(saarela, 'POST', `/interruptions/${stay.id}/end`, { endDate: '2027-12-27', returned: false, complete: true });
    // 10.-20.12. (days 0-10) at 100 %, 21.-27.12. at 0 %: 11 × 82.00.
    expect([ended.returned, ended.compensatedDays, ended.uncompensatedDays, ended.compensationCents]).toEqual([false, 11, 7, 11 * 8200]);
  });
});
