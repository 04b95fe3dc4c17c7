import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Currency, DomainValidationError, isCurrency, Money, parseLocalDate } from '@clientfees/domain';

/** One incoming credit transfer found in a camt.054 notification. */
export interface Camt054Payment {
  /** Unique per bank account and payment; the key that makes a repeated import change nothing. */
  externalId: string;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  valueDate: string | null;
  /** The structured creditor reference as the bank gave it, else the unstructured message. */
  reference: string | null;
  debtorName: string | null;
}

export interface Camt054Notification {
  messageId: string;
  /** The message's namespace, e.g. `urn:iso:std:iso:20022:tech:xsd:camt.054.001.08`, if declared. */
  schema: string | null;
  payments: Camt054Payment[];
  /** Entries that are not money received for invoices: debits, reversals, pending entries. */
  ignoredEntries: number;
}

/** Far above any real notification; the body size limit stops larger files before parsing. */
const MAX_ENTRIES = 100_000;

// Every element is read as an array: the schema lets most of them repeat, and treating them all
// alike spares the parser from knowing which do in which version.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

type Node = Record<string, unknown>;

/**
 * Reads an ISO 20022 BankToCustomerDebitCreditNotification (camt.054; versions .02 to .08 and
 * later, with or without namespace prefixes) into the credit transfers it reports.
 *
 * Banks batch reference payments into one entry with a TxDtls per payment, so every TxDtls is a
 * payment of its own. Its external id is the entry's archive reference (AcctSvcrRef), with the
 * transaction's position appended when the entry holds several, because that pair is what the
 * bank keeps stable when it sends the same entry again in another file.
 *
 * Anything malformed throws DomainValidationError naming the element, so the caller answers
 * 400 and nothing of the file is recorded.
 */
export function parseCamt054(xml: string): Camt054Notification {
  if (typeof xml !== 'string' || xml.trim() === '') throw new DomainValidationError('the request body is empty; send the camt.054 XML', 'body');
  // ISO 20022 messages never carry a DTD, and refusing one shuts out entity-expansion attacks.
  if (/<!DOCTYPE/i.test(xml)) throw new DomainValidationError('a DOCTYPE is not allowed in a camt.054 message', 'body');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new DomainValidationError(`malformed XML${line ? ` at line ${line}${col ? `, column ${col}` : ''}` : ''}: ${msg}`, 'body');
  }

  const root = parser.parse(xml) as Node;
  const document = first(root, 'Document');
  if (!document) throw new DomainValidationError('missing: the root element must be an ISO 20022 Document', 'Document');
  const notification = first(document, 'BkToCstmrDbtCdtNtfctn');
  if (!notification) {
    throw new DomainValidationError('missing: not a camt.054 BankToCustomerDebitCreditNotification', 'Document/BkToCstmrDbtCdtNtfctn');
  }
  const base = 'Document/BkToCstmrDbtCdtNtfctn';
  const messageId = requiredText(notification, ['GrpHdr', 'MsgId'], base);

  const payments: Camt054Payment[] = [];
  let ignoredEntries = 0;
  all(notification, 'Ntfctn').forEach((ntfctn, n) => {
    all(ntfctn, 'Ntry').forEach((entry, e) => {
      const at = `${base}/Ntfctn[${n + 1}]/Ntry[${e + 1}]`;
      const indicator = requiredText(entry, ['CdtDbtInd'], at);
      if (indicator !== 'CRDT' && indicator !== 'DBIT') throw new DomainValidationError('must be CRDT or DBIT', `${at}/CdtDbtInd`);
      if (indicator === 'DBIT' || isReversal(entry) || !isBooked(entry)) {
        ignoredEntries++;
        return;
      }
      payments.push(...entryPayments(entry, at));
      if (payments.length > MAX_ENTRIES) throw new DomainValidationError(`more than ${MAX_ENTRIES} payments in one file`, 'body');
    });
  });
  return { messageId, schema: namespaceOf(xml), payments, ignoredEntries };
}

function entryPayments(entry: Node, at: string): Camt054Payment[] {
  const entryAmount = amountOf(entry, at);
  const bookingDate = dateOf(entry, 'BookgDt', at);
  const valueDate = dateOf(entry, 'ValDt', at);
  if (!bookingDate && !valueDate) throw new DomainValidationError('missing: an entry needs a booking date or a value date', `${at}/BookgDt/Dt`);
  const archiveId = text(entry, ['AcctSvcrRef']);
  const transactions = all(entry, 'NtryDtls').flatMap((details) => all(details, 'TxDtls'));

  if (transactions.length === 0) {
    // A bank that does not itemise the entry: the entry itself is the payment.
    if (!archiveId) throw new DomainValidationError('missing: an entry without transaction details needs its AcctSvcrRef', `${at}/AcctSvcrRef`);
    return [{ externalId: archiveId, ...entryAmount, bookingDate: bookingDate ?? valueDate!, valueDate, reference: null, debtorName: null }];
  }

  const payments: Camt054Payment[] = [];
  transactions.forEach((tx, t) => {
    const txAt = `${at}/NtryDtls/TxDtls[${t + 1}]`;
    // In versions from .04 on a transaction may carry its own indicator; a debit inside a credit
    // entry (a returned payment netted in a batch) is not money received.
    if (text(tx, ['CdtDbtInd']) === 'DBIT') return;
    const amount = transactionAmount(tx, entryAmount.currency, txAt) ?? (transactions.length === 1 ? entryAmount : undefined);
    if (!amount) throw new DomainValidationError('missing: each transaction of a batch entry needs its amount', `${txAt}/Amt`);
    if (amount.currency !== entryAmount.currency) throw new DomainValidationError(`must be ${entryAmount.currency} like its entry`, `${txAt}/Amt/@Ccy`);
    payments.push({
      externalId: externalIdOf(tx, archiveId, t, transactions.length, txAt),
      ...amount,
      bookingDate: bookingDate ?? valueDate!,
      valueDate,
      reference: referenceOf(tx),
      debtorName: text(tx, ['RltdPties', 'Dbtr', 'Nm']) ?? text(tx, ['RltdPties', 'Dbtr', 'Pty', 'Nm']) ?? null,
    });
  });
  return payments;
}

/**
 * The entry's archive reference identifies a payment across files; a batch entry's transactions
 * are told apart by position. Without it the transaction's own references must do.
 */
function externalIdOf(tx: Node, archiveId: string | undefined, index: number, count: number, at: string): string {
  if (archiveId) return count === 1 ? archiveId : `${archiveId}#${index + 1}`;
  const own =
    text(tx, ['Refs', 'AcctSvcrRef']) ??
    usable(text(tx, ['Refs', 'EndToEndId'])) ??
    usable(text(tx, ['Refs', 'TxId']));
  if (!own) throw new DomainValidationError('missing: the entry has no AcctSvcrRef, so each transaction needs an EndToEndId or TxId', `${at}/Refs/EndToEndId`);
  return own;
}

/** `NOTPROVIDED` is the schema's placeholder for a payer who gave no end-to-end id: not an id. */
function usable(id: string | undefined): string | undefined {
  return id && id.toUpperCase() !== 'NOTPROVIDED' ? id : undefined;
}

function referenceOf(tx: Node): string | null {
  for (const remittance of all(tx, 'RmtInf')) {
    for (const structured of all(remittance, 'Strd')) {
      const reference = text(structured, ['CdtrRefInf', 'Ref']);
      if (reference) return reference;
    }
  }
  // Some payers type the reference into the message field; matching still checks it strictly.
  const message = all(tx, 'RmtInf').flatMap((remittance) => all(remittance, 'Ustrd').map(asText)).filter(Boolean).join(' ');
  return message || null;
}

function transactionAmount(tx: Node, accountCurrency: Currency, at: string): { amountCents: number; currency: Currency } | undefined {
  // .04 and later: TxDtls/Amt; .02: only TxDtls/AmtDtls/TxAmt, else InstdAmt.
  if (first(tx, 'Amt')) return amountOf(tx, at);
  const details = first(tx, 'AmtDtls') ?? {};
  const booked = first(details, 'TxAmt');
  if (booked && first(booked, 'Amt')) return amountOf(booked, `${at}/AmtDtls/TxAmt`);
  // The instructed amount is what the payer ordered, possibly in another currency; it tells the
  // credited amount only when it is in the account's currency.
  const instructed = first(details, 'InstdAmt');
  const instructedAmount = instructed ? first(instructed, 'Amt') : undefined;
  if (instructed && instructedAmount && (instructedAmount as Node)['@Ccy'] === accountCurrency) return amountOf(instructed, `${at}/AmtDtls/InstdAmt`);
  return undefined;
}

function amountOf(node: Node, at: string): { amountCents: number; currency: Currency } {
  const element = first(node, 'Amt');
  if (!element) throw new DomainValidationError('missing', `${at}/Amt`);
  const currency = element['@Ccy'];
  if (!isCurrency(currency)) throw new DomainValidationError('must be EUR or SEK', `${at}/Amt/@Ccy`);
  const money = Money.parse(asText(element), currency, `${at}/Amt`);
  if (!money.isPositive()) throw new DomainValidationError('must be more than zero', `${at}/Amt`);
  return { amountCents: money.minorUnits, currency };
}

/** `Dt`, or the date part of `DtTm` (banks' own local time, which is the date they booked on). */
function dateOf(entry: Node, name: 'BookgDt' | 'ValDt', at: string): string | null {
  const holder = first(entry, name);
  if (!holder) return null;
  const date = text(holder, ['Dt']);
  if (date) return parseLocalDate(date, `${at}/${name}/Dt`);
  const dateTime = text(holder, ['DtTm']);
  if (dateTime) return parseLocalDate(dateTime.slice(0, 10), `${at}/${name}/DtTm`);
  throw new DomainValidationError('must hold Dt or DtTm', `${at}/${name}`);
}

function isReversal(entry: Node): boolean {
  return text(entry, ['RvslInd'])?.toLowerCase() === 'true';
}

/** `Sts` is a code up to .04 and `Sts/Cd` from .08; only booked entries are money on the account. */
function isBooked(entry: Node): boolean {
  const status = text(entry, ['Sts', 'Cd']) ?? text(entry, ['Sts']);
  return status === undefined || status === 'BOOK';
}

function namespaceOf(xml: string): string | null {
  return /xmlns(?::[\w.-]+)?\s*=\s*["'](urn:iso:std:iso:20022:tech:xsd:camt\.054\.[0-9.]+)["']/.exec(xml)?.[1] ?? null;
}

function requiredText(node: Node, path: string[], at: string): string {
  const value = text(node, path);
  if (!value) throw new DomainValidationError('missing', `${at}/${path.join('/')}`);
  return value;
}

function text(node: Node, path: string[]): string | undefined {
  let current: unknown = node;
  for (const name of path) {
    current = first(current as Node, name);
    if (current === undefined) return undefined;
  }
  const value = asText(current);
  return value === '' ? undefined : value;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string') return (value as Node)['#text'] as string;
  return '';
}

function all(node: Node, name: string): Node[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function first(node: Node, name: string): Node | undefined {
  return all(node, name)[0];
}
