import { PdfDocument } from '@clientfees/documents';
import type { Currency, Money } from '@clientfees/domain';

export interface OwnShareView {
  voucherNumber: string;
  clientName: string;
  clientNumber: string;
  serviceCode: string;
  from: string;
  to: string;
  currency: Currency;
  events: Array<{ contentCode: string; startDate: string; endDate: string; quantity: number; unit: string; priceCents: number; voucherValueCents: number; ownShareCents: number; awaitingApproval: boolean }>;
  price: Money;
  voucherValue: Money;
  ownShare: Money;
}

/**
 * The client's printable own-share specification (omavastuuerittely, seed 003 §4.3.7): the
 * service contents, the voucher, the price and the share left to the client.
 */
export async function ownSharePdf(view: OwnShareView, organisationName: string): Promise<Buffer> {
  const money = (cents: number) => `${(cents / 100).toFixed(2)} ${view.currency}`;
  const document = PdfDocument.create({ title: `Omavastuuerittely ${view.voucherNumber} ${view.from} – ${view.to}`, language: 'fi', author: organisationName, createdAt: new Date(`${view.to}T00:00:00Z`), footer: organisationName });
  document
    .heading('Omavastuuerittely / Own-share specification')
    .keyValues([
      ['Asiakas / client', `${view.clientName} (${view.clientNumber})`],
      ['Palveluseteli / voucher', `${view.voucherNumber} — ${view.serviceCode}`],
      ['Ajalta / period', `${view.from} – ${view.to}`],
    ])
    .table(
      [
        { header: 'Sisältö / content', weight: 1.5 },
        { header: 'Ajalta / period', weight: 2.2 },
        { header: 'Määrä / units', weight: 1, align: 'right' },
        { header: 'Hinta / price', weight: 1.4, align: 'right' },
        { header: 'Seteli / voucher', weight: 1.4, align: 'right' },
        { header: 'Omavastuu / own share', weight: 1.5, align: 'right' },
      ],
      view.events.map((event) => [
        event.awaitingApproval ? `${event.contentCode} *` : event.contentCode,
        `${event.startDate} – ${event.endDate}`,
        event.unit === 'hour' ? `${(event.quantity / 60).toFixed(2)} h` : `${event.quantity} ${event.unit === 'day' ? 'vrk' : 'krt'}`,
        money(event.priceCents),
        money(event.voucherValueCents),
        money(event.ownShareCents),
      ]),
    )
    .keyValues([
      ['Hinta yhteensä / price', view.price.toString()],
      ['Palvelusetelin arvo / voucher value', view.voucherValue.toString()],
      ['Omavastuu / own share', view.ownShare.toString()],
    ]);
  if (view.events.some((event) => event.awaitingApproval)) document.paragraph('* Odottaa kunnan hyväksyntää / awaiting the municipality’s approval.');
  return document.finish();
}
