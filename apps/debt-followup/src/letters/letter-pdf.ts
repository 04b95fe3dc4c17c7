import { PdfDocument } from '@clientfees/documents';
import type { InvoiceCopy } from '@clientfees/contracts';
import type { DebtLetter } from './debt-letter.queries';
import { LETTER_TEXT, letterDate, letterMoney, type LetterText } from './letter-text';

export interface LetterRecipient {
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  /** A security ban protects the address: the letter says so instead (invoicing masked it already). */
  addressProtected?: boolean;
}

function addressLines(recipient: LetterRecipient, text: LetterText): string {
  return (recipient.addressProtected ? [recipient.name, text.addressProtected] : [recipient.name, recipient.streetAddress, `${recipient.postalCode} ${recipient.city}`]).join('\n');
}

/**
 * The standard reminder letter as a PDF in the client's language: the claims unpaid at the month
 * end, where help is, and a copy of each invoice (seed 004).
 */
export async function renderDebtLetter(letter: DebtLetter, monthEnd: string, recipient: LetterRecipient, copies: readonly InvoiceCopy[]): Promise<Buffer> {
  const text = LETTER_TEXT[letter.language];
  const money = (cents: number) => letterMoney(cents, letter.currency);
  const date = (value: string | null) => (value ? letterDate(letter.language, value) : '–');
  const pdf = PdfDocument.create({ title: text.title, language: letter.language, footer: text.footer, createdAt: new Date(`${monthEnd}T12:00:00Z`) });
  pdf.paragraph(addressLines(recipient, text));
  pdf.heading(text.title);
  pdf.paragraph(text.intro(monthEnd));
  pdf.table(
    [{ header: text.columns[0] }, { header: text.columns[1] }, { header: text.columns[2] }, { header: text.columns[3], align: 'right' }],
    [
      ...letter.claims.map((claim) => [String(claim.invoiceNumber), date(claim.invoiceDate), date(claim.dueDate), money(claim.openCents)]),
      [text.total, '', '', money(letter.totalCents)],
    ],
  );
  pdf.paragraph(text.alreadyPaid);
  pdf.paragraph(text.help);
  pdf.paragraph(text.caseworker);
  const byId = new Map(copies.map((copy) => [copy.invoiceId, copy]));
  for (const claim of letter.claims) {
    const copy = byId.get(claim.invoiceId);
    if (!copy) continue;
    pdf.pageBreak();
    pdf.heading(text.copyTitle(copy.invoiceNumber), 2);
    pdf.keyValues([
      [text.copyFields.recipient, addressLines(copy.recipient, text)],
      [text.copyFields.invoiceDate, date(copy.invoiceDate)],
      [text.copyFields.dueDate, date(copy.dueDate)],
      [text.copyFields.reference, copy.paymentReferenceInternational ? `${copy.paymentReference} / ${copy.paymentReferenceInternational}` : copy.paymentReference],
    ]);
    pdf.table(
      [{ header: text.copyFields.row, weight: 3 }, { header: text.copyFields.amount, align: 'right' }],
      [...copy.rows.map((row) => [row.description, money(row.amountCents)]), [text.copyFields.total, money(copy.totalCents)]],
    );
  }
  return pdf.finish();
}
