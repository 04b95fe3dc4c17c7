import { DomainValidationError, type LocalDate } from '@clientfees/domain';
import { attribute, child, children, readXml, textAt, textOf, type XmlNode } from '../xml/xml-document';
import { xmlAmount, xmlBoolean, xmlCurrency, xmlDate, xmlDateTimeDate } from '../xml/xml-values';
import type { Amount, Camt054Ignored, Camt054Notification, Camt054Payment, Camt054Reversal, Remittance, TransactionRefs } from './camt054.types';
import { classify } from './classify';
import { externalIdOf, FileIds, reversedExternalIdOf } from './external-id';
import { camt054Version } from './message-version';
import { readRemittance, referencesOf } from './remittance';

export interface Camt054Options {
  /**
   * The zone whose calendar dates are wanted (the organisation's). Date-times written with an
   * offset are converted to it; without it, the receiving account's country decides for Finnish
   * and Swedish accounts, and other dates are taken as written.
   */
  timeZone?: string;
}

/** Far above any real notification (a year of one institution's days is 61,093). */
const MAX_TRANSACTIONS = 500_000;
const BASE = 'Document/BkToCstmrDbtCdtNtfctn';

/**
 * Reads an ISO 20022 BankToCustomerDebitCreditNotification (camt.054.001.02 to .10) into the
 * payments, reversals and ignored items it reports: every transaction (`TxDtls`), or an entry
 * without details, ends as exactly one of them, so the amounts add up to the file's.
 *
 * Malformed content throws DomainValidationError naming the element, e.g.
 * `Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]/Amt`: a service answers 400 and records
 * nothing, the CLI exits with 2.
 */
export function parseCamt054(xml: string, options: Camt054Options = {}): Camt054Notification {
  const root = readXml(xml);
  const version = camt054Version(root);
  const message = child(root.node, 'BkToCstmrDbtCdtNtfctn');
  if (!message) throw new DomainValidationError('missing: a camt.054 Document holds BkToCstmrDbtCdtNtfctn', BASE);
  const messageId = textAt(message, ['GrpHdr', 'MsgId']);
  if (!messageId) throw new DomainValidationError('missing', `${BASE}/GrpHdr/MsgId`);

  const result: Camt054Notification = { messageId, version, accounts: [], payments: [], reversals: [], ignored: [] };
  const ids = new FileIds();
  let transactions = 0;
  children(message, 'Ntfctn').forEach((notification, n) => {
    const account = accountOf(notification);
    if (account && !result.accounts.includes(account)) result.accounts.push(account);
    const timeZone = options.timeZone ?? zoneOfAccount(account);
    children(notification, 'Ntry').forEach((entry, e) => {
      const at = `${BASE}/Ntfctn[${n + 1}]/Ntry[${e + 1}]`;
      for (const item of readEntry(entry, { at, account, timeZone, ids })) {
        if (++transactions > MAX_TRANSACTIONS) throw new DomainValidationError(`more than ${MAX_TRANSACTIONS} transactions in one file`, 'body');
        if (item.kind === 'payment') result.payments.push(item);
        else if (item.kind === 'reversal') result.reversals.push(item);
        else result.ignored.push(item);
      }
    });
  });
  return result;
}

interface EntryContext {
  at: string;
  account: string | null;
  timeZone: string | undefined;
  ids: FileIds;
}

type Item = Camt054Payment | Camt054Reversal | Camt054Ignored;

interface Unit {
  tx: XmlNode;
  amount: Amount;
  at: string;
  remittance: Remittance;
}

function readEntry(entry: XmlNode, context: EntryContext): Item[] {
  const { at } = context;
  const entryAmount = amountOf(entry, at);
  const direction = directionOf(entry, at);
  const reversal = textAt(entry, ['RvslInd']) !== undefined ? xmlBoolean(textAt(entry, ['RvslInd'])!, `${at}/RvslInd`) : false;
  const status = statusOf(entry, at);
  const entryReference = textAt(entry, ['AcctSvcrRef']) ?? null;
  const bookingDate = dateOf(entry, 'BookgDt', at, context.timeZone);
  const valueDate = dateOf(entry, 'ValDt', at, context.timeZone);
  const entryCode = bankTransactionCode(entry);
  const details = children(entry, 'NtryDtls').flatMap((holder) => children(holder, 'TxDtls'));
  const amounts = details.map((tx, t) => ownAmount(tx, `${at}/NtryDtls/TxDtls[${t + 1}]`));

  // A transaction without its own amount can only be told apart when it is the entry's only one;
  // several without amounts are accounted for together, as the entry, with all their remittances.
  const units: Unit[] =
    details.length > 0 && (details.length === 1 || amounts.every(Boolean))
      ? details.map((tx, t) => {
          const unitAt = details.length === 1 ? `${at}/NtryDtls/TxDtls` : `${at}/NtryDtls/TxDtls[${t + 1}]`;
          return { tx, amount: amounts[t] ?? entryAmount, at: unitAt, remittance: readRemittance(tx, unitAt) };
        })
      : [{ tx: {}, amount: entryAmount, at, remittance: mergedRemittance(details, at) }];

  return units.map(({ tx, amount, at: unitAt, remittance }) => {
    const refs = refsOf(tx);
    const txDirection = textAt(tx, ['CdtDbtInd']) !== undefined ? directionOf(tx, unitAt) : direction;
    const code = bankTransactionCode(tx) ?? entryCode;
    const returnInfo = returnInfoOf(tx);
    const base = { account: context.account, amount, at: unitAt, entryReference };
    const verdict = classify({ direction: txDirection, reversal, status, zeroAmount: !/[1-9]/.test(amount.value), returnInfo, family: code?.family ?? null, subFamily: code?.subFamily ?? null });
    if (verdict.kind === 'ignored') return { kind: 'ignored', ...base, reason: verdict.reason, externalId: null } satisfies Camt054Ignored;

    const booked = bookingDate ?? valueDate;
    if (!booked) throw new DomainValidationError('missing: a booked entry needs its booking date (BookgDt) or value date (ValDt)', `${at}/BookgDt`);
    const debtorName = textAt(tx, ['RltdPties', 'Dbtr', 'Nm']) ?? textAt(tx, ['RltdPties', 'Dbtr', 'Pty', 'Nm']) ?? null;
    const content = [txDirection, amount, booked, debtorName, remittance, refs.instructionId, refs.mandateId, textAt(tx, ['AddtlTxInf']) ?? null];
    const { externalId, idSource } = externalIdOf({ kind: verdict.kind, account: context.account, refs, entryReference, entryHasOneTransaction: units.length === 1, content });
    const claimed = context.ids.claim(externalId);
    const common = { ...base, ...claimed, idSource, bookingDate: booked, refs, remittance, references: referencesOf(remittance), debtorName };
    if (verdict.kind === 'reversal') {
      return { kind: 'reversal', ...common, reversesExternalId: reversedExternalIdOf(context.account, refs), returnReason: returnInfo } satisfies Camt054Reversal;
    }
    const payerPaymentDate = payerDateOf(tx, unitAt, context.timeZone);
    return {
      kind: 'payment',
      ...common,
      valueDate,
      payerPaymentDate,
      // A payer's date after the booking is a bank's slip; the money was there on the booking date.
      paymentDate: payerPaymentDate !== null && payerPaymentDate < booked ? payerPaymentDate : booked,
    } satisfies Camt054Payment;
  });
}

function mergedRemittance(details: XmlNode[], at: string): Remittance {
  const parts = details.map((tx, t) => readRemittance(tx, `${at}/NtryDtls/TxDtls[${t + 1}]`));
  return { documents: parts.flatMap((part) => part.documents), lines: parts.flatMap((part) => part.lines) };
}

function directionOf(node: XmlNode, at: string): 'CRDT' | 'DBIT' {
  const indicator = textAt(node, ['CdtDbtInd']);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw new DomainValidationError(indicator === undefined ? 'missing' : 'must be CRDT or DBIT', `${at}/CdtDbtInd`);
  return indicator;
}

/** `Sts` is a code up to .07 and a choice (`Sts/Cd` or `Sts/Prtry`) from .08; banks mix the two. */
function statusOf(entry: XmlNode, at: string): string {
  const status = textAt(entry, ['Sts', 'Cd']) ?? textAt(entry, ['Sts', 'Prtry']) ?? textAt(entry, ['Sts']);
  if (!status) throw new DomainValidationError('missing', `${at}/Sts`);
  return status;
}

function amountOf(node: XmlNode, at: string): Amount {
  const element = child(node, 'Amt');
  if (!element) throw new DomainValidationError('missing', `${at}/Amt`);
  const currency = xmlCurrency(attribute(element, 'Ccy'), `${at}/Amt/@Ccy`);
  return { value: xmlAmount(textOf(element), currency, `${at}/Amt`), currency };
}

/** The amount booked for the transaction: `Amt` (from .03) or `AmtDtls/TxAmt/Amt` (.02). */
function ownAmount(tx: XmlNode, at: string): Amount | undefined {
  if (child(tx, 'Amt')) return amountOf(tx, at);
  const booked = child(child(tx, 'AmtDtls'), 'TxAmt');
  return booked && child(booked, 'Amt') ? amountOf(booked, `${at}/AmtDtls/TxAmt`) : undefined;
}

function refsOf(tx: XmlNode): TransactionRefs {
  const ref = (name: string) => usable(textAt(tx, ['Refs', name]));
  return {
    accountServicerReference: ref('AcctSvcrRef'),
    endToEndId: ref('EndToEndId'),
    transactionId: ref('TxId'),
    uetr: ref('UETR'),
    instructionId: ref('InstrId'),
    mandateId: ref('MndtId'),
  };
}

/** `NOTPROVIDED` is the schema's placeholder for a payer who gave no id: not an id. */
function usable(id: string | undefined): string | null {
  return id && id.toUpperCase() !== 'NOTPROVIDED' ? id : null;
}

function bankTransactionCode(node: XmlNode): { family: string | null; subFamily: string | null } | null {
  const family = textAt(node, ['BkTxCd', 'Domn', 'Fmly', 'Cd']);
  if (!family) return null;
  return { family, subFamily: textAt(node, ['BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd']) ?? null };
}

function returnInfoOf(tx: XmlNode): string | null {
  const info = child(tx, 'RtrInf');
  if (!info) return null;
  const code = textAt(info, ['Rsn', 'Cd']) ?? textAt(info, ['Rsn', 'Prtry']);
  const text = children(info, 'AddtlInf').map(textOf).filter(Boolean).join(' ');
  return [code, text].filter(Boolean).join(': ') || 'returned, no reason given';
}

/** `Dt`, or the date of `DtTm` in the organisation's zone. */
function dateOf(entry: XmlNode, name: 'BookgDt' | 'ValDt', at: string, timeZone: string | undefined): LocalDate | null {
  const holder = child(entry, name);
  if (!holder) return null;
  const date = textAt(holder, ['Dt']);
  if (date) return xmlDate(date, `${at}/${name}/Dt`);
  const dateTime = textAt(holder, ['DtTm']);
  if (dateTime) return xmlDateTimeDate(dateTime, `${at}/${name}/DtTm`, timeZone);
  throw new DomainValidationError('must hold Dt or DtTm', `${at}/${name}`);
}

function payerDateOf(tx: XmlNode, at: string, timeZone: string | undefined): LocalDate | null {
  const accepted = textAt(tx, ['RltdDts', 'AccptncDtTm']);
  return accepted ? xmlDateTimeDate(accepted, `${at}/RltdDts/AccptncDtTm`, timeZone) : null;
}

function accountOf(notification: XmlNode): string | null {
  const iban = textAt(notification, ['Acct', 'Id', 'IBAN']);
  if (iban) return iban.replace(/\s+/g, '').toUpperCase();
  return textAt(notification, ['Acct', 'Id', 'Othr', 'Id']) ?? null;
}

const ZONES: Record<string, string> = { FI: 'Europe/Helsinki', AX: 'Europe/Mariehamn', SE: 'Europe/Stockholm' };

function zoneOfAccount(account: string | null): string | undefined {
  return account ? ZONES[account.slice(0, 2)] : undefined;
}
