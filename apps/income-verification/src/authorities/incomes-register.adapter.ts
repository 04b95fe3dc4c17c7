import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IncomesRegisterReport, IncomeRegisterDelivery } from '@clientfees/domain';
import { AuthorityEndpoints, callAuthority, malformed } from './authority-http';
import { esc, unsignedSignature } from './xml-signature';

/**
 * The Incomes Register's data-user query services (WageReportQueryService /
 * BenefitReportQueryService, SOAP 1.1, document/literal): one income earner's earnings or benefit
 * payment reports paid in a span of days. Typed against the register's XSDs (DataRequestToIR,
 * WageReportsFromIR, BenefitReportsFromIR); the codes of the query (QueryDataType, ParameterType)
 * are the register's code list values as configured, not yet confirmed against the list.
 */
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const DRTIR = 'http://www.tulorekisteri.fi/2017/1/DataRequestToIR';
/** Id types: 1 business id, 2 Finnish personal identity code. */
const ID_TYPE_BUSINESS = 1;
const ID_TYPE_PERSON = 2;
const QUERY: Record<IncomeRegisterDelivery, { service: string; action: string; element: string; answer: string; queryDataType: number }> = {
  earnings: { service: 'WageReportQueryService.svc', action: 'GetWageReportsOneIncomeEarner', element: 'WageReportsOneIncomeEarnerRequestToIR', answer: 'WageReportsFromIR', queryDataType: 101 },
  benefits: { service: 'BenefitReportQueryService.svc', action: 'GetBenefitReportsOneIncomeEarner', element: 'BenefitReportsOneIncomeEarnerRequestToIR', answer: 'BenefitReportsFromIR', queryDataType: 121 },
};
/** ParameterType of the payment-date span and of the income earner's id. */
const PARAMETER_PAYMENT_DATES = 1;
const PARAMETER_INCOME_EARNER = 1;

export interface IncomesRegisterQuery {
  delivery: IncomeRegisterDelivery;
  identityCode: string;
  from: string;
  to: string;
  timestamp: string;
}

/** The SOAP request: a DataRequestToIR in the register's namespace, children unqualified. */
export function incomesRegisterRequest(query: IncomesRegisterQuery, config: AuthorityEndpoints['incomesRegister']): string {
  const q = QUERY[query.delivery];
  const id = `<Type>${ID_TYPE_BUSINESS}</Type><Code>${esc(config.dataUserBusinessId)}</Code>`;
  const content =
    `<Timestamp>${query.timestamp}</Timestamp><QueryDataType>${q.queryDataType}</QueryDataType><ProductionEnvironment>${config.production}</ProductionEnvironment>` +
    `<DeliveryDataOwner>${id}</DeliveryDataOwner><DeliveryDataCreator>${id}</DeliveryDataCreator><DeliveryDataSender>${id}</DeliveryDataSender>` +
    `<DataRequestParameters><TimespanParameter><ParameterType>${PARAMETER_PAYMENT_DATES}</ParameterType><StartDate>${query.from}</StartDate><EndDate>${query.to}</EndDate></TimespanParameter>` +
    `<IdCodeParameter><ParameterType>${PARAMETER_INCOME_EARNER}</ParameterType><IdType>${ID_TYPE_PERSON}</IdType><IdCode>${esc(query.identityCode)}</IdCode></IdCodeParameter></DataRequestParameters>`;
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP}"><soap:Body><drtir:${q.element} xmlns:drtir="${DRTIR}">${content}${unsignedSignature(content)}</drtir:${q.element}></soap:Body></soap:Envelope>`;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => ['Report', 'Transaction', 'Deduction', 'EarningPeriod', 'Id', 'ErrorInfo'].includes(name) });
type Node = Record<string, unknown>;
const node = (value: unknown): Node => (value && typeof value === 'object' ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^[+-]?\d{1,13}(\.\d{1,2})?$/;

/** Reads the answer into reports; anything the schema would refuse that the rules need is "malformed". */
export function parseIncomesRegisterAnswer(delivery: IncomeRegisterDelivery, xml: string): IncomesRegisterReport[] {
  if (XMLValidator.validate(xml) !== true) throw malformed('Incomes Register', 'the answer is not well-formed XML');
  const envelope = node(node(parser.parse(xml)).Envelope);
  const body = node(envelope.Body);
  if (body.Fault) throw malformed('Incomes Register', `SOAP fault: ${str(node(body.Fault).faultstring) ?? 'no reason given'}`);
  const answer = node(body[QUERY[delivery].answer]);
  if (!answer.Summary) throw malformed('Incomes Register', `no ${QUERY[delivery].answer} in the answer`);
  const errors = list(node(answer.MessageErrors).ErrorInfo).concat(list(node(answer.DeliveryErrors).ErrorInfo));
  if (errors.length > 0) throw malformed('Incomes Register', errors.map((e) => `${str(e.ErrorCode)}: ${str(e.ErrorMessage)}`).join('; '));
  const reports = list(node(answer.Reports).Report);
  if (Number(str(node(answer.Summary).NrOfReports)) !== reports.length) throw malformed('Incomes Register', 'the number of reports does not match its summary');
  return reports.map((report, index) => {
    const at = `report ${index + 1}`;
    const delivered = node(report.DeliveryData);
    const reportId = str(node(report.ReportData).IRReportId);
    const paymentDate = str(delivery === 'earnings' ? node(delivered.PaymentPeriod).PaymentDate : delivered.PaymentDate);
    if (!reportId || !paymentDate || !DATE.test(paymentDate)) throw malformed('Incomes Register', `${at} has no IRReportId or payment date`);
    const payer = node(delivered.Payer);
    const payerName = str(node(payer.PayerBasic).CompanyName) ?? null;
    const payerId = str(list(node(payer.PayerIds).Id)[0]?.Code);
    const transactions = list(node(report.Transactions).Transaction).map((t) => {
      const basic = node(t.TransactionBasic);
      const code = str(basic.TransactionCode);
      const amount = str(basic.Amount);
      if (!code || !amount || !AMOUNT.test(amount)) throw malformed('Incomes Register', `${at} has a transaction without a code or an amount`);
      const period = delivery === 'earnings' ? list(node(t.EarningPeriods).EarningPeriod)[0] : node(t.EarningPeriod);
      const start = str(period?.StartDate);
      const end = str(period?.EndDate);
      return {
        code,
        amount,
        earningPeriod: start && end && DATE.test(start) && DATE.test(end) ? { start, end } : null,
        deductions: list(node(t.Deductions).Deduction).map((d) => {
          const dc = str(d.DeductionTransactionCode);
          const da = str(d.Amount);
          if (!dc || !da || !AMOUNT.test(da)) throw malformed('Incomes Register', `${at} has a deduction without a code or an amount`);
          return { code: dc, amount: da };
        }),
      };
    });
    return { reportId, delivery, payer: payerName && payerId ? `${payerName} (${payerId})` : payerName, paymentDate, transactions };
  });
}

/** One income earner's reports of one delivery paid from `from` to `to`. */
export async function queryIncomesRegister(endpoints: AuthorityEndpoints, query: IncomesRegisterQuery, signal?: AbortSignal): Promise<{ reports: IncomesRegisterReport[]; requestXml: string }> {
  const requestXml = incomesRegisterRequest(query, endpoints.incomesRegister);
  const answer = await callAuthority(endpoints.incomesRegister, QUERY[query.delivery].service, {
    method: 'POST',
    body: requestXml,
    contentType: 'text/xml; charset=utf-8',
    headers: { soapaction: QUERY[query.delivery].action },
    signal,
  });
  return { reports: parseIncomesRegisterAnswer(query.delivery, answer.body), requestXml };
}
