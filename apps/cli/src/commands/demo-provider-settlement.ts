import { addDays, addMonths, dayOfWeek, firstDayOfMonth, LocalDate, localDateInZone } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';

const ORGANISATION = 'fi-demo';
const ZONE = 'Europe/Helsinki';
const HOUSING = 'ENHANCED-HOUSING';
const HOME_CARE = 'HOME-CARE';

/** The two demo providers: valid business IDs and IBANs, never real ones' accounts. */
const PROVIDERS = [
  { id: 'kotiranta', name: 'Hoivakoti Kotiranta Oy', businessId: '0245437-2', iban: 'FI4950009420028730', bic: 'OKOYFIHH', street: 'Rantatie 4' },
  { id: 'aamurusko', name: 'Palvelukoti Aamurusko Oy', businessId: '1572860-0', iban: 'FI1410093000123458', bic: 'NDEAFIHH', street: 'Aamutie 4' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Call = (method: string, path: string, token: string, body?: unknown, contentType?: string) => Promise<any>;

/** A tiny PDF: the attachment store checks type, size and checksum, not what the document says. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Service vouchers of the Finnish demo organisation, through the provider-settlement REST API:
 * two providers approved through their applications, company price lists, five vouchers, and
 * last month recorded — whole months of housing, a hospital stay (an interruption) and a week of
 * home care whose fifth visit overruns the 10 hours granted and waits for the municipality's
 * approval (seed 003 §4.3.5.6). Loaded once: a second run finds the vouchers and adds nothing.
 */
export async function demoProviderSettlement(base: string, key: string, nowMs: number): Promise<string[]> {
  const staff = (sub: string, role: 'administrator' | 'client-fee-officer' | 'caseworker') => mintAccessToken({ sub, roles: [role], organisations: [ORGANISATION] }, key, 600);
  const admin = staff('demo-loader', 'administrator');
  const officer = staff('demo-fee-officer', 'client-fee-officer');
  const caseworker = staff('demo-caseworker', 'caseworker');
  const providerToken = (providerId: string) => mintAccessToken({ sub: `demo-user-of-${providerId}`, roles: ['service-provider'], providerId, organisations: [ORGANISATION] }, key, 600);

  const call: Call = async (method, path, token, body, contentType) => {
    const raw = Buffer.isBuffer(body);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }) },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    }).catch((error: Error) => {
      throw new Error(`cannot reach the provider-settlement service at ${base}: ${error.message}`);
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  const today = localDateInZone(nowMs, ZONE);
  const month = addMonths(firstDayOfMonth(today), -1);
  const monthEnd = addDays(firstDayOfMonth(today), -1);
  const from = addMonths(month, -1);

  if (((await call('GET', `/vouchers?organisationId=${ORGANISATION}`, officer)) as unknown[]).length > 0) return ['service vouchers of fi-demo already loaded'];

  await call('PUT', `/settlement-organisations/${ORGANISATION}`, admin, {
    name: 'Demo wellbeing services county (FI)',
    country: 'FI',
    currency: 'EUR',
    timeZone: ZONE,
    payerName: 'Demo wellbeing services county',
    payerIban: 'FI2112345600000785',
    payerBic: 'NDEAFIHH',
    payerBusinessId: '0245437-2',
    paymentTermDays: 14,
  });
  await call('PUT', `/settlement-organisations/${ORGANISATION}/services/${HOUSING}`, admin, {
    name: 'Tehostettu palveluasuminen (enhanced service housing)',
    continuingDaily: true,
    contents: [{ code: 'CARE-DAY', name: 'Hoivapäivä / care day', unit: 'day' }],
    requiredAttachments: [
      { kind: 'trade-register-extract', level: 'company', description: 'Kaupparekisteriote / trade register extract' },
      { kind: 'self-monitoring-plan', level: 'unit', description: 'Omavalvontasuunnitelma / self-monitoring plan' },
    ],
  });
  await call('PUT', `/settlement-organisations/${ORGANISATION}/services/${HOME_CARE}`, admin, {
    name: 'Kotihoito (home care)',
    continuingDaily: false,
    contents: [{ code: 'CARE-HOUR', name: 'Kotihoitotunti / home care hour', unit: 'hour' }],
    requiredAttachments: [],
  });

  // Each provider registers, applies for both services and is approved from the first day of the month before last.
  const units = new Map<string, string>();
  for (const provider of PROVIDERS) {
    const token = providerToken(provider.id);
    await call('POST', '/providers', token, { organisationId: ORGANISATION, businessId: provider.businessId, name: provider.name, streetAddress: provider.street, postalCode: '02100', city: 'Espoo', email: `info@${provider.id}.example` });
    const unit = await call('POST', `/providers/${provider.id}/units`, token, { name: `${provider.name}, ${provider.street}`, streetAddress: provider.street, postalCode: '02100', city: 'Espoo' });
    units.set(provider.id, unit.id);
    await call('PUT', `/providers/${provider.id}/bank-account`, token, { iban: provider.iban, bic: provider.bic });
    await call('POST', `/providers/${provider.id}/attachments?kind=trade-register-extract&fileName=kaupparekisteriote.pdf`, token, DEMO_PDF, 'application/pdf');
    await call('POST', `/providers/${provider.id}/attachments?kind=self-monitoring-plan&fileName=omavalvonta.pdf&unitId=${unit.id}`, token, DEMO_PDF, 'application/pdf');
    for (const [serviceCode, contentCode, unitPrice] of [[HOUSING, 'CARE-DAY', '98.50'], [HOME_CARE, 'CARE-HOUR', '40.00']]) {
      const application = await call('POST', `/providers/${provider.id}/applications`, token, { serviceCode, unitIds: [unit.id] });
      await call('POST', `/applications/${application.id}/submit`, token);
      await call('POST', `/applications/${application.id}/decision`, officer, { decision: 'approve', grounds: 'attachments checked; rule book accepted', approvedFrom: from });
      const list = await call('POST', `/providers/${provider.id}/price-lists`, token, { serviceCode, name: `Hinnasto ${from}`, validFrom: from, items: [{ contentCode, unitPrice }] });
      await call('POST', `/price-lists/${list.id}/decision`, officer, { approve: true, grounds: 'within the price ceiling' });
    }
  }

  let sequence = 0;
  const grant = async (providerId: string, serviceCode: string, content: { contentCode: string; unitValue: string; grantedQuantity?: number; grantedPer?: 'week' }, name: string) => {
    sequence += 1;
    const number = `DEMO-${String(sequence).padStart(3, '0')}`;
    const voucher = await call('POST', '/vouchers', caseworker, {
      organisationId: ORGANISATION,
      number,
      client: { clientId: `demo-voucher-client-${sequence}`, clientNumber: `C-30${String(sequence).padStart(2, '0')}`, name },
      serviceCode,
      validFrom: from,
      contents: [content],
    });
    await call('POST', `/providers/${providerId}/reservations`, providerToken(providerId), { voucherNumber: number, contentCode: content.contentCode, unitId: units.get(providerId), termsAccepted: true });
    return voucher.id as string;
  };
  const housing = { contentCode: 'CARE-DAY', unitValue: '82.00' };
  const record = (providerId: string, voucherId: string, body: Record<string, unknown>) => call('POST', `/vouchers/${voucherId}/events`, providerToken(providerId), { complete: true, ...body });

  // Kotiranta: a whole month; a hospital stay from the 10th to the 20th; home care with an overrun.
  const steady = await grant('kotiranta', HOUSING, housing, 'Aili Demo');
  await record('kotiranta', steady, { contentCode: 'CARE-DAY', startDate: month, endDate: monthEnd });
  const hospital = await grant('kotiranta', HOUSING, housing, 'Bertta Demo');
  await record('kotiranta', hospital, { contentCode: 'CARE-DAY', startDate: month, endDate: addDays(month, 8) });
  const interruption = await call('POST', `/vouchers/${hospital}/interruptions`, providerToken('kotiranta'), { contentCode: 'CARE-DAY', reason: 'hospital', startDate: addDays(month, 9), endDate: addDays(month, 19), complete: true });
  await record('kotiranta', hospital, { contentCode: 'CARE-DAY', startDate: addDays(month, 20), endDate: monthEnd });
  const homeCare = await grant('kotiranta', HOME_CARE, { contentCode: 'CARE-HOUR', unitValue: '35.00', grantedQuantity: 600, grantedPer: 'week' }, 'Celia Demo');
  // The first Monday of the month: its Monday-to-Friday week lies in the month.
  let monday: LocalDate = month;
  while (dayOfWeek(monday) !== 1) monday = addDays(monday, 1);
  let pending = '';
  for (const [offset, minutes] of [[0, 120], [1, 135], [2, 120], [3, 135], [4, 120]]) {
    const event = await record('kotiranta', homeCare, { contentCode: 'CARE-HOUR', startDate: addDays(monday, offset), endDate: addDays(monday, offset), minutes });
    if (event.approval === 'pending') pending = event.id;
  }

  // Aamurusko: two clients, whole months.
  for (const name of ['Dagmar Demo', 'Eero Demo']) {
    const voucher = await grant('aamurusko', HOUSING, housing, name);
    await record('aamurusko', voucher, { contentCode: 'CARE-DAY', startDate: month, endDate: monthEnd });
  }

  return [
    `service vouchers of fi-demo ready: providers ${PROVIDERS.map((p) => p.id).join(' and ')}, ${sequence} vouchers, events of ${month.slice(0, 7)}`,
    `  interruption (hospital) ${interruption.startDate} – ${interruption.endDate}: ${interruption.compensatedDays} days compensated, ${interruption.uncompensatedDays} not`,
    `  an overrun of the week's 10 hours waits for approval: event ${pending} (GET /approvals?organisationId=${ORGANISATION})`,
  ];
}
