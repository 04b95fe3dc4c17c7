import type { InvoiceCopy } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { PROTECTED_ADDRESS_MARKER, shownRecipient } from '@clientfees/domain';
import type { DebtLetter } from './debt-letter.queries';
import { renderDebtLetter } from './letter-pdf';

const SENT = { kind: 'client' as const, name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' };

function letter(language: 'fi' | 'sv'): DebtLetter {
  return {
    id: 'letter-1',
    debtCaseId: 'case-1',
    reviewId: 'review-1',
    organisationId: 'fi-demo',
    language,
    claims: [{ invoiceId: 'invoice-1', invoiceNumber: 1, invoiceDate: '2027-01-05', dueDate: '2027-01-19', openCents: 12050 }],
    totalCents: 12050,
    currency: 'EUR',
    createdAt: '2027-02-01T08:00:00Z',
  };
}

/** The copy as invoicing answers it (masked there while a ban is in force). */
function copyOf(clientAddressProtected: boolean): InvoiceCopy {
  return {
    invoiceId: 'invoice-1',
    invoiceNumber: 1,
    invoiceDate: '2027-01-05',
    dueDate: '2027-01-19',
    paymentReference: '10003',
    paymentReferenceInternational: null,
    recipient: shownRecipient(SENT, clientAddressProtected),
    rows: [{ description: 'Kotihoito 2026-12', amountCents: 12050 }],
    totalCents: 12050,
    currency: 'EUR',
  };
}

describe('the reminder letter under a security ban', () => {
  it('prints the client’s address on the letter and on the copy while no ban is in force', async () => {
    const copy = copyOf(false);
    const read = readPdf(await renderDebtLetter(letter('fi'), '2027-01-31', copy.recipient, [copy]));
    expect(read.pages[0]).toMatch(/Aino Testinen\s+Koivukuja 3 A 5\s+02100 Espoo/);
    expect(read.pages[1]).toMatch(/Vastaanottaja\s+Aino Testinen\s+Koivukuja 3 A 5/);
  });

  it.each([
    ['fi', 'Osoite suojattu \\(turvakielto\\)'],
    ['sv', 'Skyddad adress \\(skyddad identitet\\)'],
  ] as const)('says in %s that the address is protected, on the letter and on the copy, and prints no part of it', async (language, said) => {
    const copy = copyOf(true);
    const read = readPdf(await renderDebtLetter(letter(language), '2027-01-31', copy.recipient, [copy]));
    expect(read.pages[0]).toMatch(new RegExp(`Aino Testinen\\s+${said}`));
    expect(read.pages[1]).toMatch(new RegExp(`Aino Testinen\\s+${said}`));
    expect(read.pages.join('\n')).not.toMatch(/Koivukuja|02100|Espoo/);
    expect(read.pages.join('\n')).not.toContain(PROTECTED_ADDRESS_MARKER);
  });
});
