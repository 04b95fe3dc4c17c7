import { ClientProxyFactory } from '@nestjs/microservices';
import { of } from 'rxjs';
import type { InvoiceSnapshot } from '@clientfees/contracts';
import { InvoicingInvoiceRecipients } from './invoice-recipients';

const issuedTo = { kind: 'client', name: 'Aino Testinen', streetAddress: 'Kotikatu 1', postalCode: '02100', city: 'Espoo', country: 'FI' };
const invoice: InvoiceSnapshot = {
  invoiceId: 'inv-1', organisationId: 'fi-demo', country: 'FI', currency: 'EUR', invoiceNumber: 1, clientNumber: 'C-1',
  paymentReference: '1232', recipient: issuedTo, invoiceDate: '2027-01-31', dueDate: '2027-02-14',
};

function answering(recipient: object): InvoicingInvoiceRecipients {
  jest.spyOn(ClientProxyFactory, 'create').mockReturnValue({ send: () => of({ recipient }), close: () => undefined } as never);
  return new InvoicingInvoiceRecipients({ host: '127.0.0.1', port: 1, timeoutMs: 1_000, signingKey: 'k' });
}

describe('whom the agency is told the debtor is', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is the recipient invoicing holds now: the estate of a deceased client, with its contact', async () => {
    const estate = { kind: 'estate', name: 'Aino Testinen kuolinpesä c/o Matti Testinen', streetAddress: 'Rantatie 2', postalCode: '00100', city: 'Helsinki', country: 'FI', addressProtected: false };
    await expect(answering(estate).recipientOf(invoice)).resolves.toEqual({ kind: 'estate', name: estate.name, streetAddress: 'Rantatie 2', postalCode: '00100', city: 'Helsinki', country: 'FI' });
  });

  it('under a security ban is the recipient the invoice was issued to: the agency never gets the masked view', async () => {
    const masked = { ...issuedTo, streetAddress: 'address protected (security ban)', postalCode: '', city: '', addressProtected: true };
    await expect(answering(masked).recipientOf(invoice)).resolves.toEqual(issuedTo);
  });
});
