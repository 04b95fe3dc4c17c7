import { chooseReversalOriginal, type OriginalCandidate, type ReversalFacts } from './reversal-original';

const reversal: ReversalFacts = {
  account: 'FI2112345600000785',
  amountCents: 4820,
  currency: 'EUR',
  bookingDate: '2026-12-10',
  reversesExternalId: null,
  endToEndId: null,
  transactionId: null,
  uetr: null,
  references: ['1000000012'],
};

const payment = (paymentId: string, changes: Partial<OriginalCandidate> = {}): OriginalCandidate => ({
  paymentId,
  externalId: `FI2112345600000785/acctsvcr:${paymentId}`,
  account: 'FI2112345600000785',
  amountCents: 4820,
  currency: 'EUR',
  bookingDate: '2026-11-25',
  endToEndId: null,
  transactionId: null,
  uetr: null,
  references: ['1000000012'],
  reversed: false,
  ...changes,
});

describe('chooseReversalOriginal', () => {
  it('finds the original by the id the reversal names', () => {
    const choice = chooseReversalOriginal({ ...reversal, reversesExternalId: 'FI2112345600000785/e2e:E2E-7', references: [] }, [payment('a'), payment('b', { externalId: 'FI2112345600000785/e2e:E2E-7' })]);
    expect(choice).toEqual({ kind: 'found', paymentId: 'b', by: 'bank-reference' });
  });

  it('finds it by EndToEndId, TxId or UETR on the same account, whatever id it was recorded under', () => {
    expect(chooseReversalOriginal({ ...reversal, transactionId: 'T-9' }, [payment('a'), payment('b', { transactionId: 'T-9' })])).toMatchObject({ paymentId: 'b', by: 'bank-reference' });
    expect(chooseReversalOriginal({ ...reversal, endToEndId: 'E' }, [payment('b', { endToEndId: 'E', account: 'FI5512345600000770' })])).toMatchObject({ by: 'amount-reference-date' });
  });

  it('else by amount, reference and date', () => {
    const choice = chooseReversalOriginal(reversal, [payment('a', { amountCents: 4821 }), payment('b'), payment('c', { bookingDate: '2026-12-11' }), payment('d', { references: ['1000000025'] })]);
    expect(choice).toEqual({ kind: 'found', paymentId: 'b', by: 'amount-reference-date' });
  });

  it('does not reach back further than the refund window', () => {
    expect(chooseReversalOriginal(reversal, [payment('old', { bookingDate: '2025-11-01' })]).kind).toBe('not-found');
  });

  it.each<[string, OriginalCandidate[], RegExp]>([
    ['none', [], /no payment found that this reversal takes back \(it names the reference 1000000012\): a person finds the original/],
    ['two alike', [payment('a'), payment('b')], /2 payments match its amount and reference .*a person chooses/],
    ['only one already reversed', [payment('a', { reversed: true })], /has been reversed already/],
  ])('leaves it to a person when it finds %s', (_what, candidates, reason) => {
    expect(chooseReversalOriginal(reversal, candidates)).toEqual({ kind: 'not-found', reason: expect.stringMatching(reason) });
  });
});
