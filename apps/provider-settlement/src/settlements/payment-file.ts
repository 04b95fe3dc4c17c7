import { Money } from '@clientfees/domain';
import type { SettlementOrganisation } from '../organisations/organisation.queries';

/** One credit transfer to a provider. */
export interface ProviderPayment {
  providerId: string;
  name: string;
  iban: string;
  bic: string;
  amountCents: number;
  /** Shown to the provider on its statement. */
  remittance: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** ISO 20022 Max35Text / Max140Text: cut, never refused. */
const max = (text: string, length: number): string => escape(text.slice(0, length));

/**
 * The settlement's payment file for the municipality's payment system: an ISO 20022 customer
 * credit transfer initiation, pain.001.001.09 (the version Finnish and Swedish banks take since
 * the 2019 rulebook), one payment information block executed on the payment date, one transfer
 * per provider. Amounts are written from cents, never from floating point.
 */
export function pain001(input: { messageId: string; createdAt: Date; organisation: SettlementOrganisation; paymentDate: string; payments: readonly ProviderPayment[] }): string {
  const { organisation, payments } = input;
  const total = Money.sum(payments.map((payment) => Money.ofMinor(payment.amountCents, organisation.currency)), organisation.currency).toDecimalString();
  const amount = (cents: number) => Money.ofMinor(cents, organisation.currency).toDecimalString();
  const sepa = organisation.currency === 'EUR';
  const initiator = organisation.payerBusinessId
    ? `<InitgPty><Nm>${max(organisation.payerName, 140)}</Nm><Id><OrgId><Othr><Id>${escape(organisation.payerBusinessId)}</Id><SchmeNm><Cd>BANK</Cd></SchmeNm></Othr></OrgId></Id></InitgPty>`
    : `<InitgPty><Nm>${max(organisation.payerName, 140)}</Nm></InitgPty>`;
  const transfers = payments
    .map(
      (payment, index) => `
      <CdtTrfTxInf>
        <PmtId><InstrId>${max(`${input.messageId}-${index + 1}`, 35)}</InstrId><EndToEndId>${max(`${input.messageId}-${index + 1}`, 35)}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="${organisation.currency}">${amount(payment.amountCents)}</InstdAmt></Amt>
        <CdtrAgt><FinInstnId><BICFI>${escape(payment.bic)}</BICFI></FinInstnId></CdtrAgt>
        <Cdtr><Nm>${max(payment.name, 140)}</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>${escape(payment.iban)}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>${max(payment.remittance, 140)}</Ustrd></RmtInf>
      </CdtTrfTxInf>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${max(input.messageId, 35)}</MsgId>
      <CreDtTm>${input.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}</CreDtTm>
      <NbOfTxs>${payments.length}</NbOfTxs>
      <CtrlSum>${total}</CtrlSum>
      ${initiator}
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${max(input.messageId, 35)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>false</BtchBookg>
      <NbOfTxs>${payments.length}</NbOfTxs>
      <CtrlSum>${total}</CtrlSum>
      ${sepa ? '<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>' : ''}
      <ReqdExctnDt><Dt>${input.paymentDate}</Dt></ReqdExctnDt>
      <Dbtr><Nm>${max(organisation.payerName, 140)}</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${escape(organisation.payerIban)}</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><BICFI>${escape(organisation.payerBic)}</BICFI></FinInstnId></DbtrAgt>
      <ChrgBr>${sepa ? 'SLEV' : 'SHAR'}</ChrgBr>${transfers}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}
