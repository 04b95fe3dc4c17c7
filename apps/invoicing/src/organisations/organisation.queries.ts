import type { AccountHolder, Country, Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/**
 * A wellbeing services county or municipality that bills client fees, with the payment terms it
 * has set. (FI hyvinvointialue, SV kommun.)
 */
export interface Organisation {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  /** IANA zone in which the organisation's calendar dates are read, e.g. Europe/Helsinki. */
  timeZone: string;
  /** Calendar days from the invoice date before the banking days are added (seed 000: 14). */
  paymentTermDays: number;
  /** Banking days added after the payment term (seed 000: 3). */
  dueDateBankingDays: number;
  /** How far past the original due date a client-fee officer may defer (seed 000: 3 months). */
  deferralOfficerMonths: number;
  /** How far the billing supervisor may defer (seed 000: 12 months). */
  deferralSupervisorMonths: number;
  /** Banking days a long deferral may wait for the supervisor before they are reminded. */
  deferralApprovalReminderBankingDays: number;
  /** Days after the due date before the agency's reminder service may take the invoice (seed 000: 17). */
  transferAfterDaysOverdue: number;
  /** Transfer runs: weekly (seed 000: Tuesdays) or monthly (seed 004: the 15th). */
  transferScheduleKind: 'weekly' | 'monthly';
  /** ISO weekday (weekly) or day of the month (monthly). */
  transferScheduleDay: number;
  /** Days from the reminder to its own due date (seed 000: 14). */
  reminderDueDays: number;
  /** Null: the country's default fee (in Sweden none unless `reminderFeeBasis` is recorded). */
  reminderFeeCents: number | null;
  /**
   * SE: where the client agreed to the reminder fee when the debt arose (lag 1981:739 2 §), e.g.
   * the fee decision's terms of payment; null when none is on record, and then no fee is charged.
   */
  reminderFeeBasis: string | null;
  /**
   * The accounts the organisation's clients pay into (IBAN, electronic format): a bank file for
   * any other account is refused, so that money on another organisation's account never lands
   * on this one's invoices.
   */
  bankAccounts: string[];
  /** The accounts its payments arrive on (one organisation's each): bank files are imported under it only for these. */
  receivingAccounts?: string[];
  /**
   * The municipalities it serves (kuntanumero / kommunkod, sorted): a client whose home
   * municipality is none of them has moved out of its area (ADR 0035). Empty: not known.
   */
  municipalityCodes: string[];
}

interface OrganisationRow {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  time_zone: string;
  payment_term_days: number;
  due_date_banking_days: number;
  deferral_officer_months: number;
  deferral_supervisor_months: number;
  deferral_approval_reminder_banking_days: number;
  transfer_after_days_overdue: number;
  transfer_schedule_kind: 'weekly' | 'monthly';
  transfer_schedule_day: number;
  reminder_due_days: number;
  reminder_fee_cents: number | null;
  reminder_fee_basis: string | null;
  bank_accounts: string[];
  municipality_codes: string[];
}

function rowToOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    currency: row.currency,
    timeZone: row.time_zone,
    paymentTermDays: row.payment_term_days,
    dueDateBankingDays: row.due_date_banking_days,
    deferralOfficerMonths: row.deferral_officer_months,
    deferralSupervisorMonths: row.deferral_supervisor_months,
    deferralApprovalReminderBankingDays: row.deferral_approval_reminder_banking_days,
    transferAfterDaysOverdue: row.transfer_after_days_overdue,
    transferScheduleKind: row.transfer_schedule_kind,
    transferScheduleDay: row.transfer_schedule_day,
    reminderDueDays: row.reminder_due_days,
    reminderFeeCents: row.reminder_fee_cents,
    reminderFeeBasis: row.reminder_fee_basis,
    bankAccounts: row.bank_accounts,
    municipalityCodes: row.municipality_codes,
  };
}

export async function findOrganisation(tx: Tx, id: string): Promise<Organisation | null> {
  const [row] = await tx.query<OrganisationRow>('SELECT * FROM organisation WHERE id = $1', [id]);
  return row ? rowToOrganisation(row) : null;
}

/** The organisations among `ids` (the caller's), by id. */
export async function listOrganisations(tx: Tx, ids: readonly string[]): Promise<Organisation[]> {
  return (await tx.query<OrganisationRow>('SELECT * FROM organisation WHERE id = ANY($1) ORDER BY id', [ids])).map(rowToOrganisation);
}

/** Creates the organisation or replaces every setting of it. */
export async function upsertOrganisation(tx: Tx, organisation: Organisation): Promise<void> {
  const o = organisation;
  await tx.query(
    `INSERT INTO organisation (id, name, country, currency, time_zone, payment_term_days, due_date_banking_days, deferral_officer_months,
                               deferral_supervisor_months, deferral_approval_reminder_banking_days, transfer_after_days_overdue,
                               transfer_schedule_kind, transfer_schedule_day, reminder_due_days, reminder_fee_cents, reminder_fee_basis, bank_accounts,
                               municipality_codes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18::text[])
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, country = EXCLUDED.country, currency = EXCLUDED.currency, time_zone = EXCLUDED.time_zone,
       payment_term_days = EXCLUDED.payment_term_days, due_date_banking_days = EXCLUDED.due_date_banking_days,
       deferral_officer_months = EXCLUDED.deferral_officer_months, deferral_supervisor_months = EXCLUDED.deferral_supervisor_months,
       deferral_approval_reminder_banking_days = EXCLUDED.deferral_approval_reminder_banking_days,
       transfer_after_days_overdue = EXCLUDED.transfer_after_days_overdue, transfer_schedule_kind = EXCLUDED.transfer_schedule_kind,
       transfer_schedule_day = EXCLUDED.transfer_schedule_day, reminder_due_days = EXCLUDED.reminder_due_days,
      reminder_fee_cents = EXCLUDED.reminder_fee_cents, reminder_fee_basis = EXCLUDED.reminder_fee_basis, bank_accounts = EXCLUDED.bank_accounts,
      municipality_codes = EXCLUDED.municipality_codes`,
    [
      o.id,
      o.name,
      o.country,
      o.currency,
      o.timeZone,
      o.paymentTermDays,
      o.dueDateBankingDays,
      o.deferralOfficerMonths,
      o.deferralSupervisorMonths,
      o.deferralApprovalReminderBankingDays,
      o.transferAfterDaysOverdue,
      o.transferScheduleKind,
      o.transferScheduleDay,
      o.reminderDueDays,
      o.reminderFeeCents,
      o.reminderFeeBasis,
      o.bankAccounts,
      o.municipalityCodes,
    ],
  );
}

/** The receiving accounts registered to an organisation, normalised (`normaliseAccount`). */
export async function receivingAccountsOf(tx: Tx, organisationId: string): Promise<string[]> {
  return (await tx.query<{ account: string }>('SELECT account FROM organisation_account WHERE organisation_id = $1 ORDER BY account', [organisationId])).map((row) => row.account);
}

/** The organisation and every other one holding any of `accounts`, each with its registered accounts among them. */
export async function accountHolders(tx: Tx, organisationId: string, accounts: readonly string[]): Promise<AccountHolder[]> {
  const rows = await tx.query<{ organisation_id: string; accounts: string[] }>(
    `SELECT organisation_id, array_agg(account ORDER BY account) AS accounts FROM organisation_account
      WHERE organisation_id = $1 OR account = ANY($2) GROUP BY organisation_id`,
    [organisationId, [...accounts]],
  );
  return rows.map((row) => ({ organisationId: row.organisation_id, accounts: row.accounts }));
}

/** Replaces the organisation's receiving accounts; the ones it gives up keep their history (ADR 0012). */
export async function replaceReceivingAccounts(tx: Tx, organisationId: string, accounts: readonly string[], actor: string): Promise<void> {
  await tx.query('DELETE FROM organisation_account WHERE organisation_id = $1 AND NOT (account = ANY($2))', [organisationId, [...accounts]]);
  await tx.query(
    `INSERT INTO organisation_account (account, organisation_id, registered_by) SELECT a, $1, $3 FROM unnest($2::text[]) AS a ON CONFLICT (account) DO NOTHING`,
    [organisationId, [...accounts], actor],
  );
}
