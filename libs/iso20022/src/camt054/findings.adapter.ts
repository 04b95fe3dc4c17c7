// The parser the findings are checked against, in the shape of the CLI's JSON (issue 16).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { parseCamt054 as legacyParse } from '../../../../apps/invoicing/src/payments/camt054.parser';

export interface FindingsView {
  version: string | null;
  account: string | null;
  payments: Array<{ amount: string; currency: string; references: string[]; bookingDate: string; paymentDate: string; externalId: string }>;
  reversals: Array<{ amount: string; currency: string; externalId: string; reversesExternalId: string | null }>;
  ignored: Array<{ amount: string; currency: string; reason: string }>;
}

export function parseForFindings(xml: string): FindingsView {
  const parsed = legacyParse(xml);
  return {
    version: parsed.schema?.replace('urn:iso:std:iso:20022:tech:xsd:', '') ?? null,
    account: null,
    payments: parsed.payments.map((payment) => ({
      amount: (payment.amountCents / 100).toFixed(2),
      currency: payment.currency,
      references: payment.reference ? [payment.reference] : [],
      bookingDate: payment.bookingDate,
      paymentDate: payment.valueDate ?? payment.bookingDate,
      externalId: payment.externalId,
    })),
    reversals: [],
    ignored: [],
  };
}
