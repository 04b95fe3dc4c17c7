import { planRemittanceAllocation, type RemittedDocument } from './remittance-allocation';

const invoice = (label: string, invoiceId: string, openCents: number, remittedCents: number | null = null, creditNoteCents: number | null = null): RemittedDocument => ({
  label,
  remittedCents,
  creditNoteCents,
  match: { kind: 'invoice', invoiceId, openCents },
});
const creditNote = (label: string, creditNoteId: string, invoiceId: string, creditNoteCents: number | null): RemittedDocument => ({
  label,
  remittedCents: null,
  creditNoteCents,
  match: { kind: 'credit-note', creditNoteId, invoiceId },
});
const unknown = (label: string, problem: string): RemittedDocument => ({ label, remittedCents: null, creditNoteCents: null, match: { kind: 'none', problem } });

describe('planRemittanceAllocation', () => {
  it('settles the FFFS netting: 1,900.00 pays invoice 3900 (2,500.00 less its credit note 12344 of 600.00, already off its open amount)', () => {
    const plan = planRemittanceAllocation(190000, [invoice('reference 3900', 'A', 190000, 250000), creditNote('reference 12344', 'CN', 'A', 60000)]);
    expect(plan).toEqual({ kind: 'allocate', allocations: [{ invoiceId: 'A', cents: 190000 }], excess: null, settledCreditNotes: ['CN'] });
  });

  it('splits Handelsbanken’s 6,000.54 over the invoice by its remitted amount less the two credit notes', () => {
    const plan = planRemittanceAllocation(600054, [
      invoice('invoice number 9580572', 'A', 600054, 625670),
      creditNote('credit note number 9580521', 'CN1', 'A', 16646),
      creditNote('credit note number 9579095', 'CN2', 'A', 8970),
    ]);
    expect(plan).toMatchObject({ kind: 'allocate', allocations: [{ invoiceId: 'A', cents: 600054 }], excess: null, settledCreditNotes: ['CN1', 'CN2'] });
  });

  it('follows the payer’s split over several invoices', () => {
    const plan = planRemittanceAllocation(15000, [invoice('reference 1', 'A', 10000, 5000), invoice('reference 2', 'B', 10000, 10000)]);
    expect(plan).toMatchObject({ allocations: [{ invoiceId: 'A', cents: 5000 }, { invoiceId: 'B', cents: 10000 }], excess: null });
  });

  it('fills the invoices in the payer’s order when the amounts are missing or do not add up; the rest is excess on the last', () => {
    expect(planRemittanceAllocation(25000, [invoice('reference 1', 'A', 10000), invoice('reference 2', 'B', 10000)])).toMatchObject({
      allocations: [{ invoiceId: 'A', cents: 10000 }, { invoiceId: 'B', cents: 10000 }],
      excess: { invoiceId: 'B', cents: 5000 },
    });
    expect(planRemittanceAllocation(12000, [invoice('reference 1', 'A', 10000, 9000), invoice('reference 2', 'B', 10000, 9000)])).toMatchObject({
      allocations: [{ invoiceId: 'A', cents: 10000 }, { invoiceId: 'B', cents: 2000 }],
      excess: null,
    });
  });

  it('puts what a closed invoice cannot take on the credit balance, recorded on that invoice', () => {
    expect(planRemittanceAllocation(5000, [invoice('reference 1', 'A', 0)])).toEqual({ kind: 'allocate', allocations: [], excess: { invoiceId: 'A', cents: 5000 }, settledCreditNotes: [] });
    expect(planRemittanceAllocation(15000, [invoice('reference 1', 'A', 0, 5000), invoice('reference 2', 'B', 10000, 10000)])).toMatchObject({
      allocations: [{ invoiceId: 'B', cents: 10000 }],
      excess: { invoiceId: 'A', cents: 5000 },
    });
  });

  it('adds up an invoice named twice', () => {
    expect(planRemittanceAllocation(8000, [invoice('reference 1', 'A', 10000, 5000), invoice('invoice number 7', 'A', 10000, 3000)])).toMatchObject({ allocations: [{ invoiceId: 'A', cents: 8000 }] });
  });

  it('takes a credit note amount on the invoice’s own line off that invoice’s share', () => {
    expect(planRemittanceAllocation(7000, [invoice('reference 1', 'A', 7000, 10000, 3000)])).toMatchObject({ allocations: [{ invoiceId: 'A', cents: 7000 }], excess: null });
  });

  it.each<[string, RemittedDocument[], RegExp]>([
    ['no document at all', [], /names no invoice/],
    ['an unknown reference among known ones', [invoice('reference 1', 'A', 100), unknown('reference 9', 'no invoice of the organisation has this reference')], /^reference 9: no invoice of the organisation has this reference$/],
    ['a credit note of an invoice not paid here', [invoice('reference 1', 'A', 100), creditNote('reference 5', 'CN', 'B', 50)], /reference 5: a credit note of an invoice this payment does not pay/],
    ['credit notes only', [creditNote('reference 5', 'CN', 'B', 50)], /credit notes only/],
  ])('sends the whole payment to the unmatched queue for %s', (_what, documents, reason) => {
    expect(planRemittanceAllocation(100, documents)).toEqual({ kind: 'unmatched', reason: expect.stringMatching(reason) });
  });
});
