import type { LocalDate } from '@clientfees/domain';

export const CAMT054_VERSIONS = ['02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;
export type Camt054Version = `camt.054.001.${(typeof CAMT054_VERSIONS)[number]}`;

/** An amount as the file states it: a plain decimal with the currency's minor-unit digits (`0.50`). */
export interface Amount {
  value: string;
  currency: string;
}

/** The identifiers a transaction carries (`TxDtls/Refs`); `NOTPROVIDED` counts as absent. */
export interface TransactionRefs {
  /** The account servicer's (bank's) own reference for the transaction. */
  accountServicerReference: string | null;
  /** The payer's end-to-end id, passed unchanged along the chain. */
  endToEndId: string | null;
  /** The interbank transaction id, assigned by the first bank. */
  transactionId: string | null;
  /** The universal unique end-to-end transaction reference (SWIFT gpi, from .08). */
  uetr: string | null;
  instructionId: string | null;
  mandateId: string | null;
}

/** One `RmtInf/Strd`: a referred document (an invoice, a credit note) with what was remitted for it. */
export interface RemittanceDocument {
  /** `CdtrRefInf/Ref`: the creditor reference (FI viite, RF, SE OCR), as written but trimmed. */
  reference: string | null;
  /** `CdtrRefInf/Tp/CdOrPrtry`: SCOR for a structured creditor reference. */
  referenceType: string | null;
  /** `RfrdDocInf`: document numbers, e.g. an invoice number (CINV) or a credit note's (CREN). */
  documents: Array<{ number: string; type: string | null }>;
  /** `RfrdDocAmt/RmtdAmt`: paid for this document. */
  remitted: Amount | null;
  /** `RfrdDocAmt/CdtNoteAmt`: a credit note deducted by the payer (it lowers the transfer). */
  creditNote: Amount | null;
  /** `RfrdDocAmt/DuePyblAmt`. */
  duePayable: Amount | null;
}

export interface Remittance {
  documents: RemittanceDocument[];
  /** `Ustrd` lines and `Strd/AddtlRmtInf`: the free-text message. */
  lines: string[];
}

interface ItemBase {
  /** The receiving account (`Ntfctn/Acct/Id`): an IBAN in electronic format, or the bank's other id. */
  account: string | null;
  amount: Amount;
  /** Where in the file, e.g. `Ntfctn[1]/Ntry[2]/NtryDtls/TxDtls[3]`, for people reading a reason. */
  at: string;
  /** The entry's `AcctSvcrRef` (the bank's archive id of the booking, shared by a batch). */
  entryReference: string | null;
}

/** Money received for the organisation: a credited, booked transaction. */
export interface Camt054Payment extends ItemBase {
  kind: 'payment';
  /** Stable across files: `<account>/<kind of id>:<id>`, see `external-id.ts`. */
  externalId: string;
  /** Who chose the id: the bank, the payer (EndToEndId, may collide) or derived from the content. */
  idSource: IdSource;
  /** Set when the file already holds a transaction with the same id: a person checks it. */
  repeatsExternalId: string | null;
  bookingDate: LocalDate;
  valueDate: LocalDate | null;
  /** `RltdDts/AccptncDtTm`: the day the payer paid (FI maksupäivä), if the bank reports it. */
  payerPaymentDate: LocalDate | null;
  /** The payer's date where given (never after the booking), else the booking date. */
  paymentDate: LocalDate;
  refs: TransactionRefs;
  remittance: Remittance;
  /** Structured references and referred document numbers, in file order. */
  references: string[];
  debtorName: string | null;
}

/** A booked debit that takes back an earlier payment (`RvslInd`, a refund, a returned credit). */
export interface Camt054Reversal extends ItemBase {
  kind: 'reversal';
  externalId: string;
  idSource: IdSource;
  repeatsExternalId: string | null;
  /** The id the reversed payment would carry when the bank names it by UETR, TxId or EndToEndId. */
  reversesExternalId: string | null;
  bookingDate: LocalDate;
  refs: TransactionRefs;
  remittance: Remittance;
  references: string[];
  debtorName: string | null;
  /** `RtrInf`: the return reason code and text, if given. */
  returnReason: string | null;
}

/** Anything else, with the amount and a reason a person understands. */
export interface Camt054Ignored extends ItemBase {
  kind: 'ignored';
  reason: string;
  externalId: string | null;
}

export type IdSource = 'bank' | 'payer' | 'derived';

export interface Camt054Notification {
  messageId: string;
  version: Camt054Version;
  /** The receiving accounts of the file's notifications, in order, without repeats. */
  accounts: string[];
  payments: Camt054Payment[];
  reversals: Camt054Reversal[];
  ignored: Camt054Ignored[];
}
