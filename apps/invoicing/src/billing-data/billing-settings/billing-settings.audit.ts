import { shownSettings, type RecipientKind } from '@clientfees/domain';
import type { AuditChange, Tx } from '@clientfees/platform';
import { settingsUnderSecurityBan } from './billing-setting.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One side of a billing_setting change (only the columns that changed) as a view may show it. */
function shownSide(side: Record<string, unknown>, recipientKind: RecipientKind): Record<string, unknown> {
  const shown = shownSettings(
    {
      recipient: { kind: (side.recipient_kind as RecipientKind | undefined) ?? recipientKind, name: null, address: (side.recipient_address as never) ?? null },
      residenceAddress: (side.residence_address as never) ?? null,
      addressProtected: false,
    },
    true,
  );
  const copy = { ...side };
  if ('residence_address' in copy) copy.residence_address = shown.residenceAddress;
  if ('recipient_address' in copy) copy.recipient_address = shown.recipient.address;
  return copy;
}

/**
 * The audit log's overwritten values of billing settings, as libs/domain's shownSettings lets a
 * view show them: while a security ban protects the client's address, no residence address and no
 * address given for the client as recipient (ServiceDescriptor.maskAuditChanges). The stored
 * history keeps what was overwritten.
 */
export async function maskProtectedAddresses(tx: Tx, changes: AuditChange[]): Promise<AuditChange[]> {
  const settingIds = changes.filter((change) => change.table === 'billing_setting' && UUID.test(change.rowId)).map((change) => change.rowId);
  const underBan = await settingsUnderSecurityBan(tx, settingIds);
  if (underBan.size === 0) return changes;
  return changes.map((change) => {
    const kind = change.table === 'billing_setting' ? underBan.get(change.rowId) : undefined;
    if (kind === undefined) return change;
    return { ...change, before: shownSide(change.before, kind), after: change.after && shownSide(change.after, kind) };
  });
}
