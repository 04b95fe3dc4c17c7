import { DomainValidationError } from '@clientfees/domain';
import { compareAccountStrings, journalTotals } from './journal';
import { invoice, journalWith } from './journal.fixtures';

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

  it('reads amounts as whole cents, signs and missing decimals included', () => {
    const journal = journalWith({ invoices: [invoice('C-1', '12', [{ amount: '+7.05' }, { amount: '-3.5' }, { amount: '8.45' }])] });
    expect(journalTotals(journal)).toMatchObject({ total: '12.00', byAccountString: [{ total: '12.00' }] });
  });

  it.each(['1.005', '1,50', '1e3', ' 1.00', '', '.5', '0x10', 'NaN'])('refuses the amount %j rather than rounding it', (text) => {
    const journal = journalWith({ invoices: [invoice('C-1', '1.00', [{ amount: text }])] });
    expect(() => journalTotals(journal)).toThrow(DomainValidationError);
  });

  it('refuses a total beyond the range of exact cents rather than rounding it', () => {
    const journal = journalWith({ invoices: [invoice('C-1', '90071992547409.91'), invoice('C-2', '0.10')] });
    expect(() => journalTotals(journal)).toThrow(DomainValidationError);
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
