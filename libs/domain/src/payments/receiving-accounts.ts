/**
 * Which organisation a bank file's money belongs to (issue 10; seed 000 on the county's own
 * payment traffic): a camt.054 notification names the accounts it credits, and each of an
 * organisation's receiving accounts (IBAN, or a Swedish bankgiro / plusgiro number) is registered
 * to exactly that organisation. A file imported under another organisation than the one its
 * accounts belong to would pay that organisation's invoices with another's money: payment
 * references repeat across organisations, so the reference alone cannot tell them apart.
 */

/** An account as bank files and people write it, compared without spaces, hyphens or case. */
export function normaliseAccount(account: string): string {
  return account.replace(/[\s-]/g, '').toUpperCase();
}

/** An organisation and the receiving accounts registered to it. */
export interface AccountHolder {
  readonly organisationId: string;
  readonly accounts: readonly string[];
}

/**
 * Why a bank file crediting `fileAccounts` cannot be imported under `organisationId`, or
 * undefined when every account it credits is one of that organisation's. `holders` are the
 * organisations holding any of the accounts, and the importing organisation with its own. The
 * reason never names another organisation.
 */
export function bankFileAccountRefusal(organisationId: string, fileAccounts: readonly string[], holders: readonly AccountHolder[]): string | undefined {
  const own = new Set((holders.find((holder) => holder.organisationId === organisationId)?.accounts ?? []).map(normaliseAccount));
  if (own.size === 0) return `${organisationId} has no receiving accounts registered: register them (receivingAccounts) before importing its bank files`;
  if (fileAccounts.length === 0) return 'the file names no account it credits';
  for (const account of fileAccounts.map(normaliseAccount)) {
    if (own.has(account)) continue;
    const elsewhere = holders.some((holder) => holder.organisationId !== organisationId && holder.accounts.map(normaliseAccount).includes(account));
    return elsewhere
      ? `account ${account} is registered to another organisation: import the file under that organisation`
      : `account ${account} is not one of ${organisationId}'s receiving accounts`;
  }
  return undefined;
}

/** The accounts among `accounts` that two organisations claim: registering them is refused. */
export function accountsHeldElsewhere(organisationId: string, accounts: readonly string[], holders: readonly AccountHolder[]): string[] {
  const others = new Set(holders.filter((holder) => holder.organisationId !== organisationId).flatMap((holder) => holder.accounts.map(normaliseAccount)));
  return accounts.map(normaliseAccount).filter((account) => others.has(account));
}
