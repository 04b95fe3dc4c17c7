import { PdfDocument } from '@clientfees/documents';
import { Money } from '@clientfees/domain';
import type { SettlementOrganisation } from '../organisations/organisation.queries';
import type { ProviderSettlementRow, SettlementLine, SettlementRecord } from './settlement.queries';

const KIND = { event: 'Palvelutapahtuma / event', interruption: 'Keskeytys / interruption', credit: 'Hyvitys / credit' } as const;

/**
 * A provider's settlement specification (tilityserittely): what the month paid, line by line —
 * events, interruptions at their percentages, credits deducted — and the totals, with the
 * payment date and the account. In Finnish with English beside it; the client appears by the
 * municipality's client number only (seed 003 §4.2: no identifying data on the provider's papers).
 */
export async function specificationPdf(input: {
  organisation: SettlementOrganisation;
  settlement: SettlementRecord;
  provider: ProviderSettlementRow & { name: string };
  lines: readonly SettlementLine[];
}): Promise<Buffer> {
  const { organisation, settlement, provider } = input;
  const money = (cents: number) => `${Money.ofMinor(cents, organisation.currency).toDecimalString()} ${organisation.currency}`;
  const document = PdfDocument.create({
    title: `Tilityserittely ${settlement.month} — ${provider.name}`,
    language: 'fi',
    author: organisation.name,
    createdAt: new Date(`${settlement.settledOn ?? '2000-01-01'}T00:00:00Z`),
    footer: `${organisation.name} — tilitys ${settlement.month}`,
  });
  document
    .heading(`Palvelusetelitilitys ${settlement.month} / Service-voucher settlement`)
    .keyValues([
      ['Palveluntuottaja / provider', provider.name],
      ['Tilitetty / settled on', settlement.settledOn ?? '—'],
      ['Maksupäivä / payment date', settlement.paymentDate ?? '—'],
      ['Tili / account', provider.iban ? `${provider.iban} (${provider.bic})` : 'ei tiliä — maksetaan seuraavassa tilityksessä / no account: paid in the next settlement'],
    ])
    .table(
      [
        { header: 'Laji / kind', weight: 2.2 },
        { header: 'Seteli / voucher', weight: 1.6 },
        { header: 'Asiakas / client', weight: 1.2 },
        { header: 'Sisältö / content', weight: 1.4 },
        { header: 'Ajalta / period', weight: 2.2 },
        { header: 'Yks. / units', weight: 0.8, align: 'right' },
        { header: 'Summa / amount', weight: 1.6, align: 'right' },
      ],
      input.lines.map((line) => [
        KIND[line.kind],
        line.voucherNumber,
        line.clientNumber,
        line.contentCode,
        line.startDate ? `${line.startDate} – ${line.endDate ?? ''}` : '',
        line.quantity === null ? '' : String(line.quantity),
        money(line.kind === 'credit' ? -line.amountCents : line.amountCents),
      ]),
    )
    .keyValues([
      ['Tapahtumat / events', money(provider.eventsCents)],
      ['Keskeytykset / interruptions', money(provider.interruptionsCents)],
      ['Hyvitykset / credits', money(-provider.creditsCents)],
      ['Edellisestä tilityksestä / carried in', money(provider.carriedInCents)],
      ['Yhteensä / total', money(provider.totalCents)],
      ['Maksetaan / paid', money(provider.payableCents)],
      ['Siirtyy seuraavaan / carried to the next settlement', money(provider.carriedOutCents)],
    ]);
  return document.finish();
}
