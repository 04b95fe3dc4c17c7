import { xsdProblems } from '../../test/support/xsd';
import type { SettlementOrganisation } from '../organisations/organisation.queries';
import { pain001 } from './payment-file';

const kouvola: SettlementOrganisation = {
  id: 'fi-kouvola',
  name: 'Kouvolan kaupunki',
  country: 'FI',
  currency: 'EUR',
  timeZone: 'Europe/Helsinki',
  payerName: 'Kouvolan kaupunki',
  payerIban: 'FI2112345600000785',
  payerBic: 'NDEAFIHH',
  payerBusinessId: '0245437-2',
  paymentTermDays: 14,
};

const payments = [
  { providerId: 'kotiranta', name: 'Hoivakoti Kotiranta Oy', iban: 'FI4950009420028730', bic: 'OKOYFIHH', amountCents: 487750, remittance: 'Palvelusetelitilitys 2027-01 Kouvolan kaupunki' },
  { providerId: 'aamurusko', name: 'Aamurusko & Co <Oy>', iban: 'FI1410093000123458', bic: 'NDEAFIHH', amountCents: 5, remittance: 'Palvelusetelitilitys 2027-01' },
];

describe('the settlement’s payment file (ISO 20022 pain.001.001.09)', () => {
  const xml = pain001({ messageId: 'PS-fi-kouvola-2027-01', createdAt: new Date('2027-02-04T04:00:00.123Z'), organisation: kouvola, paymentDate: '2027-02-18', payments });

  it('is valid by the official schema', async () => {
    expect(await xsdProblems(xml)).toBe('');
  });

  it('pays each provider on the payment date from the municipality’s account, amounts exact to the cent', () => {
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
    expect(xml).toContain('<CtrlSum>4877.55</CtrlSum>');
    expect(xml).toContain('<ReqdExctnDt><Dt>2027-02-18</Dt></ReqdExctnDt>');
    expect(xml).toContain('<DbtrAcct><Id><IBAN>FI2112345600000785</IBAN></Id></DbtrAcct>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">4877.50</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.05</InstdAmt>');
    expect(xml).toContain('<Nm>Aamurusko &amp; Co &lt;Oy&gt;</Nm>');
  });

  it('pays a Swedish municipality’s providers in kronor without the SEPA service level', async () => {
    const sek = pain001({
      messageId: 'PS-se-demo-2027-01',
      createdAt: new Date('2027-02-04T04:00:00Z'),
      organisation: { ...kouvola, id: 'se-demo', country: 'SE', currency: 'SEK', payerIban: 'SE4550000000058398257466', payerBic: 'ESSESESS', payerBusinessId: null },
      paymentDate: '2027-02-18',
      payments: [{ ...payments[0], iban: 'SE4550000000058398257466', bic: 'ESSESESS' }],
    });
    expect(sek).toContain('<InstdAmt Ccy="SEK">4877.50</InstdAmt>');
    expect(sek).not.toContain('<Cd>SEPA</Cd>');
    expect(await xsdProblems(sek)).toBe('');
  });

  it('is refused by the schema when it is broken (the check can fail)', async () => {
    expect(await xsdProblems(xml.replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>CASH</PmtMtd>'))).toMatch(/PmtMtd|CASH/);
  });
});
