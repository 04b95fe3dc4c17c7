import type { Tx } from '@clientfees/platform';

/** Whether the invoice's lifecycle has been started (false too for an invoice that does not exist). */
export async function lifecycleStarted(tx: Tx, invoiceId: string): Promise<boolean> {
  const [row] = await tx.query<{ lifecycle_started: boolean }>('SELECT lifecycle_started FROM invoice WHERE id = $1', [invoiceId]);
  return row?.lifecycle_started === true;
}
