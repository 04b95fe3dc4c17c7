import { DomainValidationError } from '@clientfees/domain';
import { compareAccountStrings, formatCents, journalTotals, parseCents } from './journal';
import { invoice, journalWith } from './journal.fixtures';

describe('journal amounts', () => {
  it('reads decimal strings as whole cents, exactly', () => {
    expect(parseCents('0.10')).toBe(10n);
    expect(parseCents('-3.5')).toBe(-350n);
    expect(parseCents('12')).toBe(1200n);
    expect(parseCents('+7.05')).toBe(705n);
    expect(parseCents('90071992547409.93')).toBe(9007199254740993n);
  });

  it.each(['1.005', '1,50', '1e3', ' 1.00', '', '.5', '0x10', 'NaN'])('refuses %j rather than rounding it', (text) => {
    expect(() => parseCents(text, 'amount')).toThrow(DomainValidationError);
  });

  it('writes cents back with two decimals and a dot', () => {
    expect(formatCents(30n)).toBe('0.30');
    expect(formatCents(-5n)).toBe('-0.05');
    expect(formatCents(-1005n)).toBe('-10.05');
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(9007199254741003n)).toBe('90071992547410.03');
  });
});

describe('journalTotals', () => {
  it('sums exactly: 0.10 + 0.20 = 0.30, where floating point gives 0.30000000000000004', () => {
    const journal = journalWith({
      invoices: [invoice('C-1', '0.10'), invoice('C-2', '0.20')],
    });
    expect(journalTotals(journal)).toEqual({
      invoiceCount: 2,
      total: '0.30',
      byAccountString: [{ accountString: '4100-300', total: '0.30' }],
    });
  });

  it('sums the rows per account string, in a fixed order with the rows without one last', () => {
    const journal = journalWith({
      invoices: [
        invoice('C-1', '100.00', [
          { amount: '120.00', accountString: '4200' },
          { amount: '-20.00', accountString: null },
        ]),
        invoice('C-2', '55.55', [
          { amount: '50.50', accountString: '4100-ä' },
          { amount: '5.05', accountString: '4200' },
        ]),
        invoice('C-3', '0.00', []),
      ],
    });
    const totals = journalTotals(journal);
    expect(totals.invoiceCount).toBe(3);
    expect(totals.total).toBe('155.55');
    expect(totals.byAccountString).toEqual([
      { accountString: '4100-ä', total: '50.50' },
      { accountString: '4200', total: '125.05' },
      { accountString: null, total: '-20.00' },
    ]);
  });

  it('stays exact past the range of exact floating-point cents', () => {
    const journal = journalWith({ invoices: [invoice('C-1', '90071992547409.91'), invoice('C-2', '0.10')] });
    expect(journalTotals(journal).total).toBe('90071992547410.01');
  });

  it('names the bad amount', () => {
    const journal = journalWith({ invoices: [invoice('C-1', '1.00', [{ amount: '1,00' }])] });
    expect(() => journalTotals(journal)).toThrow('invoices[0].rows[0].amount');
  });

  it('is zero for an empty journal', () => {
    expect(journalTotals(journalWith())).toEqual({ invoiceCount: 0, total: '0.00', byAccountString: [] });
  });

  it('orders account strings by character codes, not by locale', () => {
    const sorted = ['b', null, 'B', 'a', '10', '9'].sort(compareAccountStrings);
    expect(sorted).toEqual(['10', '9', 'B', 'a', 'b', null]);
  });
});
