import type { IdSource, TransactionRefs } from './camt054.types';

/**
 * How a transaction is known across files, so that a bank re-sending it (in another file, or the
 * same batch in another order) changes nothing, and so that a later reversal can find it.
 *
 * Ids are per receiving account (`<account>/<kind>:<id>`): a bank's references are unique within
 * the accounts it services, not across banks. Bank-assigned ids come first, because the bank
 * keeps them unique: the transaction's own archive reference (`Refs/AcctSvcrRef`), the entry's
 * when the entry is this one transaction, the UETR, the interbank `TxId`. The payer's
 * `EndToEndId` comes next, and it can collide (two payers who both write "1"), which the import
 * flags for a person instead of dropping. With none of them, the id is derived from what the bank
 * reported (entry reference, dates, amount, parties, remittance): stable when the bank re-sends
 * the same data, and never from the transaction's position in the file.
 */
export function externalIdOf(input: {
  kind: 'payment' | 'reversal';
  account: string | null;
  refs: TransactionRefs;
  entryReference: string | null;
  entryHasOneTransaction: boolean;
  content: readonly unknown[];
}): { externalId: string; idSource: IdSource } {
  const scope = input.account ?? 'unknown-account';
  const { refs } = input;
  if (refs.accountServicerReference) return { externalId: `${scope}/acctsvcr:${refs.accountServicerReference}`, idSource: 'bank' };
  if (input.entryReference && input.entryHasOneTransaction) return { externalId: `${scope}/acctsvcr:${input.entryReference}`, idSource: 'bank' };
  // The ids that travel with a payment also travel with its return: on a reversal they name the
  // original, so the reversal's own id is kept apart from it.
  const of = input.kind === 'reversal' ? 'reversal-of-' : '';
  if (refs.uetr) return { externalId: `${scope}/${of}uetr:${refs.uetr.toLowerCase()}`, idSource: 'bank' };
  if (refs.transactionId) return { externalId: `${scope}/${of}txid:${refs.transactionId}`, idSource: 'bank' };
  if (refs.endToEndId) return { externalId: `${scope}/${of}e2e:${refs.endToEndId}`, idSource: 'payer' };
  return { externalId: `${scope}/${input.kind === 'reversal' ? 'reversal-' : ''}derived:${contentHash(JSON.stringify([input.entryReference, ...input.content]))}`, idSource: 'derived' };
}

/**
 * The id under which the original of a reversal would have been recorded, when the reversal
 * carries the ids that travel with a payment through its return (UETR, TxId, EndToEndId); its own
 * archive reference is the reversal's, not the original's.
 */
export function reversedExternalIdOf(account: string | null, refs: TransactionRefs): string | null {
  const scope = account ?? 'unknown-account';
  if (refs.uetr) return `${scope}/uetr:${refs.uetr.toLowerCase()}`;
  if (refs.transactionId) return `${scope}/txid:${refs.transactionId}`;
  if (refs.endToEndId) return `${scope}/e2e:${refs.endToEndId}`;
  return null;
}

/**
 * Ids seen earlier in the same file get `#2`, `#3`: both transactions are kept (nothing is
 * dropped) and the later one names the id it repeats, for a person to check.
 */
export class FileIds {
  private readonly seen = new Map<string, number>();

  claim(externalId: string): { externalId: string; repeatsExternalId: string | null } {
    const count = (this.seen.get(externalId) ?? 0) + 1;
    this.seen.set(externalId, count);
    return count === 1 ? { externalId, repeatsExternalId: null } : { externalId: `${externalId}#${count}`, repeatsExternalId: externalId };
  }
}

/** 64-bit FNV-1a (two 32-bit lanes) as 16 hex digits: an id, not a security measure. */
function contentHash(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code ^ (high >>> 7), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
