import { badRequest } from '../http-json';
import { AuthorityData, FixtureIncome, FixturePerson, payerOf } from './persons';
import { el, esc, guidOf, signatureOf } from './xml';

/**
 * The Incomes Register's (Tulorekisteri) data-user query services, as the WSDLs of its technical
 * interface describe them: WageReportQueryService.GetWageReportsOneIncomeEarner answers
 * WageReportsFromIR (earnings payment reports), BenefitReportQueryService.
 * GetBenefitReportsOneIncomeEarner answers BenefitReportsFromIR (pensions and benefits, Kela's
 * included since 2021). Documents follow the register's XSDs (schemas/incomes-register/): the
 * root in its namespace, every other element unqualified.
 */

export const IR_NS = {
  wageRequest: 'http://www.tulorekisteri.fi/2017/1/DataRequestToIR',
  wageReports: 'http://www.tulorekisteri.fi/2017/1/WageReportsFromIR',
  benefitReports: 'http://www.tulorekisteri.fi/2017/1/BenefitReportsFromIR',
};

/** Id types of the register's code list: 1 business id (Y-tunnus), 2 Finnish personal identity code. */
const ID_TYPE_BUSINESS = 1;
const ID_TYPE_PERSON = 2;

export interface IncomesRegisterQuery {
  delivery: 'earnings' | 'benefits';
  identityCode: string;
  /** Payment dates from .. to, both included. */
  from: string;
  to: string;
  queryDataType: number;
}

const REQUEST_ELEMENTS: Record<string, IncomesRegisterQuery['delivery']> = {
  WageReportsOneIncomeEarnerRequestToIR: 'earnings',
  BenefitReportsOneIncomeEarnerRequestToIR: 'benefits',
};

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a DataRequestToIR from a SOAP body; names the element at fault when something is missing. */
export function parseIncomesRegisterQuery(name: string, content: Record<string, unknown>): IncomesRegisterQuery {
  const delivery = REQUEST_ELEMENTS[name];
  if (!delivery) throw badRequest('Body', `${name} is not a query of this service (${Object.keys(REQUEST_ELEMENTS).join(', ')})`);
  const queryDataType = Number(text(content.QueryDataType));
  if (!Number.isInteger(queryDataType)) throw badRequest('QueryDataType', 'is required');
  for (const party of ['DeliveryDataOwner', 'DeliveryDataCreator', 'DeliveryDataSender']) {
    const id = content[party] as Record<string, unknown> | undefined;
    if (!id || Number(text(id.Type)) !== ID_TYPE_BUSINESS || !text(id.Code)) throw badRequest(party, 'must name the data user by business id (Type 1)');
  }
  const parameters = (content.DataRequestParameters ?? {}) as Record<string, unknown>;
  const person = asArray(parameters.IdCodeParameter as Record<string, unknown> | Record<string, unknown>[]).find((p) => Number(text(p.IdType)) === ID_TYPE_PERSON);
  const identityCode = text(person?.IdCode);
  if (!identityCode) throw badRequest('IdCodeParameter', 'must give the income earner’s personal identity code (IdType 2)');
  const span = asArray(parameters.TimespanParameter as Record<string, unknown> | Record<string, unknown>[])[0];
  const from = text(span?.StartDate);
  const to = text(span?.EndDate);
  if (!from || !to || !DATE.test(from) || !DATE.test(to)) throw badRequest('TimespanParameter', 'must give the payment dates StartDate and EndDate');
  if (from > to) throw badRequest('TimespanParameter', 'StartDate is after EndDate');
  if (!('Signature' in content)) throw badRequest('Signature', 'a data request must be signed');
  return { delivery, identityCode, from, to, queryDataType };
}

const cents = (amount: string): number => Math.round(Number(amount) * 100);
const euros = (amountCents: number): string => (amountCents / 100).toFixed(2);

/** Tax withheld from a payment at the person's tax-card rate, rounded to the cent. */
function withheldCents(data: AuthorityData, person: FixturePerson, income: FixtureIncome): number {
  const percent = Number(data.withholdingPercent[person.hetu] ?? '0');
  return income.taxable ? Math.round((cents(income.amount) * percent) / 100) : 0;
}

function incomesOf(data: AuthorityData, person: FixturePerson | undefined, query: IncomesRegisterQuery): FixtureIncome[] {
  if (!person) return [];
  return person.incomes.filter((income) => data.kinds[income.kind].register === query.delivery && income.paymentDate >= query.from && income.paymentDate <= query.to);
}

function payerXml(income: FixtureIncome): string {
  const payer = payerOf(income.payer);
  return `<Payer><PayerIds><Id><Type>${ID_TYPE_BUSINESS}</Type><Code>${esc(payer.businessId)}</Code></Id></PayerIds><PayerBasic><CompanyName>${esc(payer.name)}</CompanyName></PayerBasic></Payer>`;
}

function reportData(person: FixturePerson, income: FixtureIncome, receivedAt: string): string {
  const id = guidOf(person.hetu, income.kind, income.payer, income.paymentDate);
  return `<ReportData><IRReportId>${id}</IRReportId><ReportId>${esc(`R-${income.paymentDate}-${id.slice(0, 8)}`)}</ReportId><ReportStatus>1</ReportStatus><ReportVersion>1</ReportVersion><ReceivedTimestamp>${receivedAt}</ReceivedTimestamp></ReportData>`;
}

const incomeEarner = (person: FixturePerson) =>
  `<IncomeEarner><IncomeEarnerIds><Id><Type>${ID_TYPE_PERSON}</Type><Code>${esc(person.hetu)}</Code></Id></IncomeEarnerIds>` +
  `<IncomeEarnerBasic><LastName>${esc(person.lastName)}</LastName><FirstName>${esc(person.firstNames)}</FirstName></IncomeEarnerBasic></IncomeEarner>`;

/** Five days after payment: the register's deadline for the payer's report. */
const receivedAt = (paymentDate: string) => `${addDays(paymentDate, 5)}T09:00:00Z`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function wageReport(data: AuthorityData, person: FixturePerson, income: FixtureIncome): string {
  const kind = data.kinds[income.kind];
  const withheld = withheldCents(data, person, income);
  const transactions =
    `<Transaction><TransactionBasic><TransactionCode>${kind.code}</TransactionCode><Amount>${euros(cents(income.amount))}</Amount></TransactionBasic>` +
    `<EarningPeriods><EarningPeriod><StartDate>${income.earningPeriod.start}</StartDate><EndDate>${income.earningPeriod.end}</EndDate></EarningPeriod></EarningPeriods></Transaction>` +
    (kind.withholdingCode !== null && withheld > 0 ? `<Transaction><TransactionBasic><TransactionCode>${kind.withholdingCode}</TransactionCode><Amount>${euros(withheld)}</Amount></TransactionBasic></Transaction>` : '');
  const delivery =
    `<DeliveryData><Timestamp>${receivedAt(income.paymentDate)}</Timestamp><IRDeliveryId>${guidOf('delivery', person.hetu, income.kind, income.paymentDate)}</IRDeliveryId>` +
    `<PaymentPeriod><PaymentDate>${income.paymentDate}</PaymentDate><StartDate>${income.earningPeriod.start}</StartDate><EndDate>${income.earningPeriod.end}</EndDate></PaymentPeriod>${payerXml(income)}</DeliveryData>`;
  return `<Report>${delivery}${reportData(person, income, receivedAt(income.paymentDate))}${incomeEarner(person)}<Transactions>${transactions}</Transactions></Report>`;
}

function benefitReport(data: AuthorityData, person: FixturePerson, income: FixtureIncome): string {
  const kind = data.kinds[income.kind];
  const withheld = withheldCents(data, person, income);
  const deductions =
    kind.withholdingCode !== null && withheld > 0
      ? `<Deductions><Deduction><DeductionTransactionCode>${kind.withholdingCode}</DeductionTransactionCode><Amount>${euros(withheld)}</Amount></Deduction></Deductions>`
      : '';
  // TaxTreatment: 1 taxable, 2 tax-free (the register's benefit tax treatment codes).
  const transaction =
    `<Transaction><TransactionBasic><TransactionCode>${kind.code}</TransactionCode><Amount>${euros(cents(income.amount))}</Amount>${el('TaxTreatment', income.taxable ? 1 : 2)}</TransactionBasic>` +
    `<EarningPeriod><StartDate>${income.earningPeriod.start}</StartDate><EndDate>${income.earningPeriod.end}</EndDate></EarningPeriod>${deductions}</Transaction>`;
  const delivery =
    `<DeliveryData><Timestamp>${receivedAt(income.paymentDate)}</Timestamp><IRDeliveryId>${guidOf('delivery', person.hetu, income.kind, income.paymentDate)}</IRDeliveryId>` +
    `<PaymentDate>${income.paymentDate}</PaymentDate>${payerXml(income)}</DeliveryData>`;
  return `<Report>${delivery}${reportData(person, income, receivedAt(income.paymentDate))}${incomeEarner(person)}<Transactions>${transaction}</Transactions></Report>`;
}

/** The register's answer to one query: every report of the delivery paid in the span. */
export function incomesRegisterAnswer(data: AuthorityData, query: IncomesRegisterQuery, now: Date): string {
  const person = data.persons.get(query.identityCode);
  const incomes = incomesOf(data, person, query);
  const reports = incomes.map((income) => (query.delivery === 'earnings' ? wageReport(data, person!, income) : benefitReport(data, person!, income))).join('');
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body =
    `<Subscription><QueryDataType>${query.queryDataType}</QueryDataType><ProductionEnvironment>false</ProductionEnvironment></Subscription>` +
    `<Query><IRQueryId>${guidOf('query', query.identityCode, query.from, query.to, timestamp)}</IRQueryId><QueryTimestamp>${timestamp}</QueryTimestamp>` +
    `<QueryTimespanStart>${query.from}T00:00:00Z</QueryTimespanStart><QueryTimespanEnd>${query.to}T23:59:59Z</QueryTimespanEnd></Query>` +
    `<Summary><NrOfReports>${incomes.length}</NrOfReports></Summary>` +
    (incomes.length > 0 ? `<Reports>${reports}</Reports>` : '');
  const [prefix, ns, root] = query.delivery === 'earnings' ? ['wrfir', IR_NS.wageReports, 'WageReportsFromIR'] : ['brfir', IR_NS.benefitReports, 'BenefitReportsFromIR'];
  return `<${prefix}:${root} xmlns:${prefix}="${ns}">${body}${signatureOf(body)}</${prefix}:${root}>`;
}
