import { redactIdentityCodes } from '../identifiers/redaction';

/**
 * A payer who types the reference into the free-text message (FI viesti, SV meddelande) instead of
 * the reference field: the message is tried as a reference only when it is one, possibly after a
 * label such as "viite" or "OCR" (`viite 10000 00025`, `RF23 1000 0000 12`). Any other text is not a
 * reference, and saying it failed a check digit would send the finance centre looking for a typo
 * that is not there: the FFFS sample's message `RFB/557742358` is a payer's own note.
 */
export function referenceInMessage(lines: readonly string[]): string | null {
  const text = lines.join(' ').trim();
  const match = /^(?:(?:viitenumero|viitenro|viite|ref(?:erence|erens)?|ocr(?:-nummer)?|bet(?:alnings)?ref)\.?:?\s*)?([0-9 ]{4,30}|RF\s*\d{2}[0-9A-Z ]{1,30})$/i.exec(text);
  if (!match) return null;
  return match[1].replace(/\s+/g, '').toUpperCase();
}

/**
 * Why a payment without a reference field cannot be matched, quoting what the payer wrote instead
 * (an identity code a payer typed there is not repeated).
 */
export function noReferenceReason(lines: readonly string[]): string {
  const text = redactIdentityCodes(lines.join(' ').trim());
  if (text === '') return 'the payment carries no reference';
  const quoted = text.length > 70 ? `${text.slice(0, 67)}…` : text;
  return `the payment carries no reference; its message reads "${quoted}"`;
}
