import { dueDate } from '@clientfees/domain';
import { countryOption, dateOption, parseOptions, wholeNumberOption } from '../options';

export const dueDateHelp = `clientfees due-date --country FI|SE --invoice-date YYYY-MM-DD [--payment-term-days N] [--banking-days N] [--json]
  The due date of an invoice: invoice date + payment term (default 14 days) + banking days (default 3).`;

export function dueDateCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    country: { type: 'string' },
    'invoice-date': { type: 'string' },
    'payment-term-days': { type: 'string' },
    'banking-days': { type: 'string' },
    json: { type: 'boolean' },
  });
  const country = countryOption(values);
  const invoiceDate = dateOption(values, 'invoice-date');
  const due = dueDate(country, invoiceDate, {
    paymentTermDays: wholeNumberOption(values, 'payment-term-days', 14, 365),
    bankingDays: wholeNumberOption(values, 'banking-days', 3, 30),
  });
  return values.json ? JSON.stringify({ invoiceDate, dueDate: due }) : due;
}
