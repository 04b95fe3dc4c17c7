import { classify, type TransactionFacts } from './classify';

const booked: TransactionFacts = { direction: 'CRDT', reversal: false, status: 'BOOK', zeroAmount: false, returnInfo: null, family: 'RCDT', subFamily: 'ESCT' };

describe('classify', () => {
  it.each<[string, Partial<TransactionFacts>, string]>([
    ['a booked credit', {}, 'payment'],
    ['a booked credit inside a net-debit entry (its own direction counts)', { direction: 'CRDT', family: null }, 'payment'],
    ['a booked debit with RvslInd', { direction: 'DBIT', reversal: true }, 'reversal'],
    ['a booked debit with a return reason', { direction: 'DBIT', returnInfo: 'AC04' }, 'reversal'],
    ['a booked debit coded as an unpaid direct debit (RDDT/UPDD)', { direction: 'DBIT', family: 'RDDT', subFamily: 'UPDD' }, 'reversal'],
    ['a booked debit coded as a returned credit transfer (RCDT/RRTN)', { direction: 'DBIT', family: 'RCDT', subFamily: 'RRTN' }, 'reversal'],
  ])('%s is a %s', (_what, facts, kind) => {
    expect(classify({ ...booked, ...facts }).kind).toBe(kind);
  });

  it.each<[string, Partial<TransactionFacts>, RegExp]>([
    ['a plain debit', { direction: 'DBIT', family: 'ICDT', subFamily: 'DMCT' }, /^A debit: money paid out/],
    ['a debit coded as a returned outgoing payment (ICDT/RRTN)', { direction: 'DBIT', family: 'ICDT', subFamily: 'RRTN' }, /^A debit/],
    ['a pending credit', { status: 'PDNG' }, /^Not booked \(status PDNG: pending\)/],
    ['an information-only credit', { status: 'INFO' }, /^Not booked \(status INFO: for information only\)/],
    ['a proprietary status', { status: 'OPEN' }, /^Not booked \(status OPEN\)/],
    ['a credit with RvslInd (FFFS returned direct debits)', { reversal: true, returnInfo: 'AC01: 1+TILIÄ EI LÖYDY' }, /returned or reversed item \(AC01: 1\+TILIÄ EI LÖYDY\), not money received/],
    ['a credit returning an outgoing payment', { returnInfo: 'AC01: Kontonummer falsch', family: 'ICDT', subFamily: 'RRTN' }, /returned or reversed item/],
    ['a zero credit', { zeroAmount: true }, /^The amount is zero/],
    ['a reversal that is not booked', { direction: 'DBIT', reversal: true, status: 'INFO' }, /^Not booked .*; it would take back an earlier payment/],
  ])('ignores %s with a reason', (_what, facts, reason) => {
    const verdict = classify({ ...booked, ...facts });
    expect(verdict).toEqual({ kind: 'ignored', reason: expect.stringMatching(reason) });
  });
});
