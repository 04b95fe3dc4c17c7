import type { Camt054Notification } from './camt054.types';

/** The parse result as `clientfees camt054 --json` prints it (issue 16's contract). */
export interface Camt054View {
  messageId: string;
  version: string;
  /** The receiving account; null when the file reports several (each item then names its own). */
  account: string | null;
  payments: Array<{
    amount: string;
    currency: string;
    references: string[];
    bookingDate: string;
    paymentDate: string;
    externalId: string;
    debtorName: string | null;
    account?: string | null;
  }>;
  reversals: Array<{ amount: string; currency: string; externalId: string; reversesExternalId: string | null; account?: string | null }>;
  ignored: Array<{ amount: string; currency: string; reason: string; account?: string | null }>;
}

export function camt054View(notification: Camt054Notification): Camt054View {
  const single = notification.accounts.length <= 1;
  const account = (value: string | null) => (single ? {} : { account: value });
  return {
    messageId: notification.messageId,
    version: notification.version,
    account: single ? (notification.accounts[0] ?? null) : null,
    payments: notification.payments.map((payment) => ({
      amount: payment.amount.value,
      currency: payment.amount.currency,
      references: payment.references,
      bookingDate: payment.bookingDate,
      paymentDate: payment.paymentDate,
      externalId: payment.externalId,
      debtorName: payment.debtorName,
      ...account(payment.account),
    })),
    reversals: notification.reversals.map((reversal) => ({
      amount: reversal.amount.value,
      currency: reversal.amount.currency,
      externalId: reversal.externalId,
      reversesExternalId: reversal.reversesExternalId,
      ...account(reversal.account),
    })),
    ignored: notification.ignored.map((item) => ({ amount: item.amount.value, currency: item.amount.currency, reason: item.reason, ...account(item.account) })),
  };
}
