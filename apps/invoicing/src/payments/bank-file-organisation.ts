import { bankFileAccountRefusal, DomainValidationError } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import { accountHolders } from '../organisations/organisation.queries';

/**
 * Refuses (400, naming `organisationId`) a bank file imported under an organisation its
 * receiving accounts are not registered to, before anything of it is stored: another county's
 * file would otherwise pay this county's invoices, whose references repeat across counties.
 * The camt.054 import calls it with the accounts the notification credits (`Ntfctn/Acct`).
 */
export async function assertBankFileOfOrganisation(tx: Tx, organisationId: string, fileAccounts: readonly string[]): Promise<void> {
  const refusal = bankFileAccountRefusal(organisationId, fileAccounts, await accountHolders(tx, organisationId, fileAccounts));
  if (refusal) throw new DomainValidationError(refusal, 'organisationId');
}
