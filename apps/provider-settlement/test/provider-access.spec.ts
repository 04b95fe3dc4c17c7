import { createHash } from 'node:crypto';
import { voucherSettlementWorkflowId } from '@clientfees/contracts';
import { startTimeSkippingServer } from '@clientfees/testing';
import { CASEWORKER, FINANCE, grantAndReserve, HOME_CARE, HOUSING, OFFICER, ORGANISATION, providerUser, SAMPLE_PDF, setUpOrganisation, setUpProvider, SettlementStack, startSettlementStack } from './settlement-stack';

/**
 * Provider users see and change only their own company (ADR 0004): every route of another
 * provider's vouchers, events, attachments and settlements answers 404, as if it did not exist;
 * the municipality's own routes answer a provider 403, its settlement view 404.
 */
describe('provider settlement: who sees what', () => {
  let stack: SettlementStack;
  const alpha = providerUser('alpha');
  const beta = providerUser('beta');
  let betaVoucher: { id: string; number: string };
  let betaEventId: string;
  let betaAttachmentId: string;
  let alphaVoucher: { id: string };
  let settlementId: string;

  beforeAll(async () => {
    stack = await startSettlementStack(await startTimeSkippingServer());
    await setUpOrganisation(stack);
    const alphaUnit = await setUpProvider(stack, 'alpha', '0245437-2', '2026-01-01');
    const betaUnit = await setUpProvider(stack, 'beta', '1572860-0', '2026-01-01');
    alphaVoucher = await grantAndReserve(stack, 'alpha', alphaUnit.unitId, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' }, '2026-01-01');
    betaVoucher = await grantAndReserve(stack, 'beta', betaUnit.unitId, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' }, '2026-01-01');
    betaEventId = (await stack.ok(beta, 'POST', `/vouchers/${betaVoucher.id}/events`, { contentCode: 'CARE-DAY', startDate: '2026-02-01', endDate: '2026-02-28', complete: true })).id;
    betaAttachmentId = (await stack.ok(beta, 'GET', '/providers/beta/attachments'))[0].id;
    // February 2026 settled (its 4th long gone, the workflow settles at once): Beta is paid for its event.
    await stack.ok(FINANCE, 'POST', '/settlements', { organisationId: ORGANISATION, month: '2026-02' });
    settlementId = (await stack.temporal.workflow.getHandle(voucherSettlementWorkflowId(ORGANISATION, '2026-02')).result()).settlementId;
  }, 180000);

  afterAll(() => stack?.stop());

  it('lets a provider read its own voucher, events and attachments', async () => {
    expect((await stack.ok(beta, 'GET', `/vouchers/${betaVoucher.id}`)).number).toBe(betaVoucher.number);
    const event = await stack.ok(beta, 'GET', `/events/${betaEventId}`);
    // 28 days × 98.50 € price, 28 × 82.00 € from the voucher, the rest the client's own share.
    expect([event.quantity, event.priceCents, event.voucherValueCents, event.ownShareCents]).toEqual([28, 275800, 229600, 46200]);
    const file = await stack.call(beta, 'GET', `/attachments/${betaAttachmentId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.bytes.equals(SAMPLE_PDF)).toBe(true);
    expect((await stack.ok(beta, 'GET', '/providers/beta/settlements')).map((s: { month: string; payableCents: number }) => [s.month, s.payableCents])).toEqual([['2026-02', 229600]]);
    expect((await stack.ok(beta, 'GET', '/providers/beta/settlements/2026-02')).lines).toMatchObject([{ kind: 'event', itemId: betaEventId, amountCents: 229600 }]);
    expect((await stack.call(beta, 'GET', '/providers/beta/settlements/2026-02/specification.pdf')).status).toBe(200);
  });

  it('keeps the municipality’s settlement view and payment file (every provider’s totals and accounts) from provider users', async () => {
    expect((await stack.ok(FINANCE, 'GET', `/settlements/${settlementId}`)).providers.map((p: { providerId: string }) => p.providerId)).toEqual(['beta']);
    expect((await stack.call(FINANCE, 'GET', `/settlements/${settlementId}/payment-file.xml`)).status).toBe(200);
    expect((await stack.ok(FINANCE, 'GET', `/settlements/${settlementId}/own-shares`)).map((o: { invoicedCents: number }) => o.invoicedCents)).toEqual([46200]);
    for (const provider of [alpha, beta]) {
      expect((await stack.call(provider, 'GET', `/settlements/${settlementId}/own-shares`)).status).toBe(404);
      expect((await stack.call(provider, 'GET', `/settlements/${settlementId}`)).status).toBe(404);
      expect((await stack.call(provider, 'GET', `/settlements/${settlementId}/payment-file.xml`)).status).toBe(404);
      expect((await stack.call(provider, 'POST', '/settlements', { organisationId: ORGANISATION, month: '2026-03' })).status).toBe(403);
    }
    // The list shows a provider only the months that settled something of its own.
    expect((await stack.ok(alpha, 'GET', `/settlements?organisationId=${ORGANISATION}`))).toEqual([]);
    expect((await stack.ok(beta, 'GET', `/settlements?organisationId=${ORGANISATION}`)).map((s: { id: string }) => s.id)).toEqual([settlementId]);
    expect((await stack.ok(FINANCE, 'GET', `/settlements?organisationId=${ORGANISATION}`)).map((s: { id: string }) => s.id)).toEqual([settlementId]);
  });

  it.each([
    ['GET /vouchers/:betaVoucher', 'GET', () => `/vouchers/${betaVoucher.id}`],
    ['GET /vouchers/:betaVoucher/events', 'GET', () => `/vouchers/${betaVoucher.id}/events`],
    ['GET /vouchers/:betaVoucher/own-share?from=2026-02-01&to=2026-02-28', 'GET', () => `/vouchers/${betaVoucher.id}/own-share?from=2026-02-01&to=2026-02-28`],
    ['GET /events/:betaEventId', 'GET', () => `/events/${betaEventId}`],
    ['PATCH /events/:betaEventId', 'PATCH', () => `/events/${betaEventId}`],
    ['DELETE /events/:betaEventId', 'DELETE', () => `/events/${betaEventId}`],
    ['GET /attachments/:betaAttachmentId', 'GET', () => `/attachments/${betaAttachmentId}`],
    ['GET /providers/beta/attachments', 'GET', () => '/providers/beta/attachments'],
    ['GET /providers/beta', 'GET', () => '/providers/beta'],
    ['GET /providers/beta/settlements', 'GET', () => '/providers/beta/settlements'],
    ['GET /providers/beta/settlements/2026-02', 'GET', () => '/providers/beta/settlements/2026-02'],
    ['GET /providers/beta/settlements/2026-02/specification.pdf', 'GET', () => '/providers/beta/settlements/2026-02/specification.pdf'],
    ['PUT /providers/beta/bank-account', 'PUT', () => '/providers/beta/bank-account'],
  ])('answers another provider’s %s with 404', async (_label, method, path) => {
    const answer = await stack.call(alpha, method, path(), method === 'PATCH' ? { note: 'x' } : method === 'PUT' ? { iban: 'FI4950009420028730', bic: 'OKOYFIHH' } : undefined);
    expect(answer.status).toBe(404);
  });

  it('does not let a provider record on another provider’s voucher or reserve its content', async () => {
    expect((await stack.call(alpha, 'POST', `/vouchers/${betaVoucher.id}/events`, { contentCode: 'CARE-DAY', startDate: '2026-02-01', endDate: '2026-02-02', complete: false })).status).toBe(404);
    const alphaUnit = (await stack.ok(alpha, 'GET', '/providers/alpha')).units[0].id;
    const taken = await stack.call(alpha, 'POST', '/providers/alpha/reservations', { voucherNumber: betaVoucher.number, contentCode: 'CARE-DAY', unitId: alphaUnit, termsAccepted: true });
    expect([taken.status, taken.body.problems[0].reason]).toEqual([409, 'the content is reserved already']);
  });

  it('lists only the provider’s own vouchers and company, while the municipality sees all', async () => {
    const own = await stack.ok(alpha, 'GET', `/vouchers?organisationId=${ORGANISATION}`);
    expect(own.map((voucher: { id: string }) => voucher.id)).toEqual([alphaVoucher.id]);
    expect((await stack.ok(alpha, 'GET', `/providers?organisationId=${ORGANISATION}`)).map((p: { id: string }) => p.id)).toEqual(['alpha']);
    expect((await stack.ok(OFFICER, 'GET', `/vouchers?organisationId=${ORGANISATION}`)).length).toBe(2);
  });

  it('refuses the municipality’s own routes to a provider (403) and another organisation’s resources to anyone (404)', async () => {
    const grant = await stack.call(alpha, 'POST', '/vouchers', { organisationId: ORGANISATION });
    expect(grant.status).toBe(403);
    const elsewhere = { ...CASEWORKER, organisations: ['fi-lahti'] };
    expect((await stack.call(elsewhere, 'GET', `/vouchers/${betaVoucher.id}`)).status).toBe(404);
    expect((await stack.call(elsewhere, 'GET', `/vouchers?organisationId=${ORGANISATION}`)).status).toBe(404);
  });

  it('stores an attachment with its type, size and checksum, and refuses other types and a wrong checksum', async () => {
    const sha256 = createHash('sha256').update(SAMPLE_PDF).digest('hex');
    const stored = await stack.upload(alpha, `/providers/alpha/attachments?kind=insurance&fileName=vakuutus.pdf&sha256=${sha256}`, 'application/pdf', SAMPLE_PDF);
    expect(stored).toMatchObject({ status: 201, body: { kind: 'insurance', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256 } });
    const wrongType = await stack.upload(alpha, '/providers/alpha/attachments?kind=insurance&fileName=a.exe', 'application/octet-stream', SAMPLE_PDF);
    expect(wrongType.status).toBe(415);
    const wrongSum = await stack.upload(alpha, `/providers/alpha/attachments?kind=insurance&fileName=a.pdf&sha256=${'0'.repeat(64)}`, 'application/pdf', SAMPLE_PDF);
    expect(wrongSum).toMatchObject({ status: 400, body: { problems: [{ field: 'sha256', reason: 'does not match the file received: send it again' }] } });
    const tooLarge = await stack.upload(alpha, '/providers/alpha/attachments?kind=insurance&fileName=big.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(tooLarge.status).toBe(413);
  });

  it('hashes every byte of an attachment under an Idempotency-Key: the same file is replayed, another of the same length is a 409', async () => {
    const one = Buffer.from('%PDF-1.4\n% scan 1\n%%EOF\n');
    const other = Buffer.from('%PDF-1.4\n% scan 2\n%%EOF\n');
    expect(one.length).toBe(other.length);
    const path = '/providers/alpha/attachments?kind=insurance&fileName=scan.pdf';
    const stored = async () => (await stack.ok(alpha, 'GET', '/providers/alpha/attachments')).filter((a: { fileName: string }) => a.fileName === 'scan.pdf');

    const first = await stack.upload(alpha, path, 'application/pdf', one, 'scan-upload');
    expect(first).toMatchObject({ status: 201, replayed: null, body: { sha256: createHash('sha256').update(one).digest('hex') } });
    const again = await stack.upload(alpha, path, 'application/pdf', one, 'scan-upload');
    expect(again).toEqual({ status: 201, replayed: 'true', body: first.body });

    const different = await stack.upload(alpha, path, 'application/pdf', other, 'scan-upload');
    expect(different.status).toBe(409);
    expect(different.body.problems).toEqual([{ field: 'Idempotency-Key', reason: expect.stringMatching(/different request/) }]);
    expect((await stored()).map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });

  it('refuses to send an application while a mandatory attachment is missing', async () => {
    const unit = await stack.ok(alpha, 'POST', '/providers/alpha/units', { name: 'alpha Toinen', streetAddress: 'Kauppalankatu 1', postalCode: '45100', city: 'Kouvola' });
    const application = await stack.ok(alpha, 'POST', '/providers/alpha/applications', { serviceCode: HOUSING, unitIds: [unit.id] });
    const sent = await stack.call(alpha, 'POST', `/applications/${application.id}/submit`);
    expect(sent).toMatchObject({ status: 422, body: { rule: 'application-submission' } });
    expect(sent.body.problems[0].reason).toBe(`mandatory attachments are missing: self-monitoring-plan (unit ${unit.id})`);
  });

  it('validates the business ID and the bank account', async () => {
    const badId = await stack.call(providerUser('gamma'), 'POST', '/providers', { organisationId: ORGANISATION, businessId: '0245437-3', name: 'Gamma', streetAddress: 'Katu 1', postalCode: '45100', city: 'Kouvola', email: 'g@gamma.example' });
    expect(badId.body.problems).toEqual([{ field: 'businessId', reason: 'the check digit does not match' }]);
    const badIban = await stack.call(alpha, 'PUT', '/providers/alpha/bank-account', { iban: 'FI4950009420028731', bic: 'OKOYFIHH' });
    expect(badIban.body.problems).toEqual([{ field: 'iban', reason: 'the check digits do not match' }]);
  });

  it('shows a provider only its own events waiting for approval', async () => {
    const betaUnit = (await stack.ok(beta, 'GET', '/providers/beta')).units[0].id;
    const homeCare = await grantAndReserve(stack, 'beta', betaUnit, { serviceCode: HOME_CARE, contentCode: 'CARE-HOUR', unitValue: '35.00', grantedQuantity: 60, grantedPer: 'week' }, '2026-01-01');
    const over = await stack.ok(beta, 'POST', `/vouchers/${homeCare.id}/events`, { contentCode: 'CARE-HOUR', startDate: '2026-03-02', endDate: '2026-03-02', minutes: 90, complete: true });
    expect(over.approval).toBe('pending');
    const waiting = (caller: typeof alpha) => stack.ok(caller, 'GET', `/approvals?organisationId=${ORGANISATION}`).then((events: Array<{ id: string }>) => events.map((event) => event.id));
    expect(await waiting(OFFICER)).toEqual([over.id]);
    expect(await waiting(beta)).toEqual([over.id]);
    expect(await waiting(alpha)).toEqual([]);
    expect((await stack.call(alpha, 'POST', `/events/${over.id}/decision`, { decision: 'approve', grounds: 'mine now' })).status).toBe(403);
  });
});
