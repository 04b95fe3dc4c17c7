import { PdfDocument } from '@clientfees/documents';
import { feeDecisionLetter, FeeDecisionForLetter, LetterContent, LetterLanguage } from '@clientfees/domain';

/** Prints a letter's content with the shared PDF module: DejaVu Sans embedded, tables across pages, page footers. */
export async function renderLetter(letter: LetterContent): Promise<Buffer> {
  const pdf = PdfDocument.create({ title: letter.title, language: letter.language, footer: letter.footer });
  pdf.heading(letter.title);
  pdf.paragraph(letter.recipient.join('\n'));
  pdf.keyValues(letter.particulars);
  for (const section of letter.sections) {
    pdf.heading(section.heading, 2);
    for (const paragraph of section.paragraphs ?? []) pdf.paragraph(paragraph);
    if (section.table) pdf.table(section.table.columns, section.table.rows);
  }
  return pdf.finish();
}

/** The fee decision as a PDF in Finnish or Swedish (the client's language of service). */
export function feeDecisionPdf(decision: FeeDecisionForLetter, language: LetterLanguage): Promise<Buffer> {
  return renderLetter(feeDecisionLetter(decision, language));
}
