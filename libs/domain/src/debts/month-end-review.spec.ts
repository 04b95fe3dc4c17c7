import { DebtListClaim, OpenDebtCaseMemory, reviewDebtCase } from './month-end-review';

const claim = (invoiceId: string, period: string, openCents = 10000): DebtListClaim => ({ invoiceId, period, openCents });
const memory = (overrides: Partial<OpenDebtCaseMemory> = {}): OpenDebtCaseMemory => ({
  handler: null,
  letteredInvoiceIds: [],
  handedOver: false,
  escalated: false,
  noticesGiven: [],
  ...overrides,
});

describe('month-end debt follow-up of a client (seed 004)', () => {
  it('opens a new case, flags it while nobody works on it, and sends the letter for every claim', () => {
    const review = reviewDebtCase({ claims: [claim('i1', '2026-01'), claim('i2', '2026-02', 2550)], status: 'active' });
    expect(review).toMatchObject({ open: true, close: false, letterInvoiceIds: ['i1', 'i2'], handOver: false, escalate: false, openCents: 12550, months: 2 });
    expect(review.flags).toEqual(['new', 'unattended']);
  });

  it('hands a case still unpaid after the letter to the caseworker, once', () => {
    const after = reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'active', openCase: memory({ handler: 'officer-1', letteredInvoiceIds: ['i1'] }) });
    expect(after).toMatchObject({ open: false, handOver: true, letterInvoiceIds: [] });
    expect(after.flags).toEqual(['worked', 'handed-over']);
    const again = reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'active', openCase: memory({ handler: 'officer-1', letteredInvoiceIds: ['i1'], handedOver: true }) });
    expect(again.handOver).toBe(false);
  });

  it('sends a letter for a new claim of an open case without handing over when the lettered one was paid', () => {
    const review = reviewDebtCase({ claims: [claim('i3', '2026-03')], status: 'active', openCase: memory({ letteredInvoiceIds: ['i1'] }) });
    expect(review).toMatchObject({ letterInvoiceIds: ['i3'], handOver: false });
    expect(review.flags).toEqual(['unattended']);
  });

  it('escalates to the deputy head when the debt covers three months, once, and again after it fell back', () => {
    const three = [claim('i1', '2026-01'), claim('i2', '2026-02'), claim('i3', '2026-03')];
    expect(reviewDebtCase({ claims: three, status: 'active', openCase: memory({ letteredInvoiceIds: ['i1', 'i2'] }) })).toMatchObject({ escalate: true, deEscalate: false });
    expect(reviewDebtCase({ claims: three, status: 'active', openCase: memory({ escalated: true }) })).toMatchObject({ escalate: false, deEscalate: false });
    expect(reviewDebtCase({ claims: three.slice(1), status: 'active', openCase: memory({ escalated: true }) })).toMatchObject({ escalate: false, deEscalate: true });
    expect(reviewDebtCase({ claims: three, status: 'active' }).flags).toEqual(['new', 'unattended', 'escalated']);
  });

  it('closes the case when nothing is unpaid any more', () => {
    expect(reviewDebtCase({ claims: [], status: 'active', openCase: memory() })).toMatchObject({ close: true, notices: [] });
    expect(reviewDebtCase({ claims: [], status: 'active' })).toMatchObject({ close: false, open: false });
  });

  it('tells the finance office of a deceased or closed client once, of each move the list reports, and sends nothing to the deceased', () => {
    const deceased = reviewDebtCase({ claims: [claim('i1', '2026-01'), claim('i2', '2026-02'), claim('i3', '2026-03')], status: 'deceased', openCase: memory({ letteredInvoiceIds: ['i1'] }) });
    expect(deceased).toMatchObject({ notices: ['deceased'], letterInvoiceIds: [], handOver: false, escalate: false });
    expect(reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'deceased', openCase: memory({ noticesGiven: ['deceased'] }) }).notices).toEqual([]);
    expect(reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'moved' })).toMatchObject({ notices: ['moved'], letterInvoiceIds: ['i1'] });
    expect(reviewDebtCase({ claims: [], status: 'closed', openCase: memory() })).toMatchObject({ notices: ['closed'], close: true });
    expect(reviewDebtCase({ claims: [], status: 'moved' }).notices).toEqual([]);
    // Each move is reported on one list only, so a second move of the same case is told again.
    expect(reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'moved', openCase: memory({ noticesGiven: ['moved'] }) }).notices).toEqual(['moved']);
    expect(reviewDebtCase({ claims: [claim('i1', '2026-01')], status: 'closed', openCase: memory({ noticesGiven: ['moved', 'closed'] }) }).notices).toEqual([]);
  });
});
