import { attribute, children, descend, type XmlNode, textAt, textOf } from '../xml/xml-document';
import { xmlAmount, xmlCurrency } from '../xml/xml-values';
import type { Amount, Remittance, RemittanceDocument } from './camt054.types';

/**
 * A transaction's remittance information as a list: every structured document (a creditor
 * reference or a referred document number, with the amounts remitted and credit notes deducted
 * for it) and every free-text line. A Finnish payer nets a credit note against an invoice in one
 * transfer (FFFS sample: 1,900.00 = invoice 3900's 2,500.00 − credit note 12344's 600.00), and
 * a Handelsbanken payer names invoices by number in `RfrdDocInf` with no creditor reference at all.
 */
export function readRemittance(transaction: XmlNode, at: string): Remittance {
  const documents: RemittanceDocument[] = [];
  const lines: string[] = [];
  children(transaction, 'RmtInf').forEach((remittance) => {
    for (const line of children(remittance, 'Ustrd')) pushText(lines, textOf(line));
    children(remittance, 'Strd').forEach((structured, s) => {
      const docAt = `${at}/RmtInf/Strd[${s + 1}]`;
      const amounts = descend(structured, ['RfrdDocAmt']);
      documents.push({
        reference: textAt(structured, ['CdtrRefInf', 'Ref']) ?? null,
        referenceType: textAt(structured, ['CdtrRefInf', 'Tp', 'CdOrPrtry', 'Cd']) ?? textAt(structured, ['CdtrRefInf', 'Tp', 'CdOrPrtry', 'Prtry']) ?? null,
        documents: children(structured, 'RfrdDocInf').flatMap((document) => {
          const number = textAt(document, ['Nb']);
          const type = textAt(document, ['Tp', 'CdOrPrtry', 'Cd']) ?? textAt(document, ['Tp', 'CdOrPrtry', 'Prtry']) ?? null;
          return number ? [{ number, type }] : [];
        }),
        remitted: amountAt(amounts, 'RmtdAmt', `${docAt}/RfrdDocAmt`),
        creditNote: amountAt(amounts, 'CdtNoteAmt', `${docAt}/RfrdDocAmt`),
        duePayable: amountAt(amounts, 'DuePyblAmt', `${docAt}/RfrdDocAmt`),
      });
      for (const line of children(structured, 'AddtlRmtInf')) pushText(lines, textOf(line));
    });
  });
  return { documents, lines };
}

/** What identifies the documents paid: each creditor reference, then the referred document numbers. */
export function referencesOf(remittance: Remittance): string[] {
  return remittance.documents.flatMap((document) => [...(document.reference ? [document.reference] : []), ...document.documents.map((d) => d.number)]);
}

function amountAt(holder: XmlNode | undefined, name: string, at: string): Amount | null {
  const element = children(holder, name)[0];
  if (element === undefined) return null;
  const currency = xmlCurrency(attribute(element, 'Ccy'), `${at}/${name}/@Ccy`);
  return { value: xmlAmount(textOf(element), currency, `${at}/${name}`), currency };
}

function pushText(lines: string[], text: string): void {
  if (text !== '') lines.push(text);
}
