import type { AddressVersion, BillingSettingsSnapshot, LocalDate, PostalAddress } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/**
 * A dated version of a client's billing settings (laskutustiedot / debiteringsuppgifter).
 * Versions are never deleted: a change is a new version, a fix of what was missing a correction.
 */
export interface BillingSettingVersion {
  id: string;
  clientId: string;
  validFrom: string;
  validTo: string | null;
  settings: BillingSettingsSnapshot;
  createdBy: string;
  createdAt: Date;
}

/** The columns the calculation reads; the REST routes read the whole row. */
export interface SettingColumns {
  debiting_area: string;
  fee_calculation_type: BillingSettingsSnapshot['feeCalculationType'];
  accepts_maximum_fee: boolean;
  parish_code: string | null;
  account_string: string | null;
  recipient_kind: BillingSettingsSnapshot['recipient']['kind'];
  recipient_name: string | null;
  recipient_address: PostalAddress | null;
  residence_address: PostalAddress | null;
  address_protected: boolean;
}

interface BillingSettingRow extends SettingColumns {
  id: string;
  client_id: string;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: Date;
}

export function rowToSettings(row: SettingColumns): BillingSettingsSnapshot {
  return {
    debitingArea: row.debiting_area,
    feeCalculationType: row.fee_calculation_type,
    acceptsMaximumFee: row.accepts_maximum_fee,
    parishCode: row.parish_code,
    accountString: row.account_string,
    recipient: { kind: row.recipient_kind, name: row.recipient_name, address: row.recipient_address },
    residenceAddress: row.residence_address,
    addressProtected: row.address_protected,
  };
}

function rowToVersion(row: BillingSettingRow): BillingSettingVersion {
  return {
    id: row.id,
    clientId: row.client_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    settings: rowToSettings(row),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** The version in force on `date`, else the nearest before it, else the first: whom to invoice on that day. */
export async function settingsInForceOn(tx: Tx, clientId: string, date: string): Promise<BillingSettingsSnapshot | null> {
  const [row] = await tx.query<BillingSettingRow>(
    `SELECT * FROM billing_setting WHERE client_id = $1
     ORDER BY (valid_from <= $2) DESC, CASE WHEN valid_from <= $2 THEN valid_from END DESC, valid_from LIMIT 1`,
    [clientId, date],
  );
  return row ? rowToSettings(row) : null;
}

/** The client's latest version (by start), if any. */
export async function latestSettingVersion(tx: Tx, clientId: string): Promise<{ id: string; validFrom: string; validTo: string | null; addressProtected: boolean } | null> {
  const [row] = await tx.query<{ id: string; valid_from: string; valid_to: string | null; address_protected: boolean }>(
    'SELECT id, valid_from, valid_to, address_protected FROM billing_setting WHERE client_id = $1 ORDER BY valid_from DESC LIMIT 1',
    [clientId],
  );
  return row ? { id: row.id, validFrom: row.valid_from, validTo: row.valid_to, addressProtected: row.address_protected } : null;
}

export async function endSettingVersion(tx: Tx, id: string, validTo: string): Promise<void> {
  await tx.query('UPDATE billing_setting SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

/** Overlapping versions of one client are refused by the table's exclusion constraint. */
export async function insertSettingVersion(tx: Tx, version: { id: string; clientId: string; validFrom: string; settings: BillingSettingsSnapshot; createdBy: string }): Promise<void> {
  const s = version.settings;
  await tx.query(
    `INSERT INTO billing_setting (id, client_id, valid_from, debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string,
       recipient_kind, recipient_name, recipient_address, residence_address, address_protected, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      version.id,
      version.clientId,
      version.validFrom,
      s.debitingArea,
      s.feeCalculationType,
      s.acceptsMaximumFee,
      s.parishCode,
      s.accountString,
      s.recipient.kind,
      s.recipient.name,
      jsonOrNull(s.recipient.address),
      jsonOrNull(s.residenceAddress),
      s.addressProtected,
      version.createdBy,
    ],
  );
}

/** The version, if it is one of the client's. */
export async function findSettingVersion(tx: Tx, id: string, clientId: string): Promise<BillingSettingVersion | null> {
  const [row] = await tx.query<BillingSettingRow>('SELECT * FROM billing_setting WHERE id = $1 AND client_id = $2', [id, clientId]);
  return row ? rowToVersion(row) : null;
}

/** Every version of the client's settings, oldest first. */
export async function settingHistory(tx: Tx, clientId: string): Promise<BillingSettingVersion[]> {
  return (await tx.query<BillingSettingRow>('SELECT * FROM billing_setting WHERE client_id = $1 ORDER BY valid_from', [clientId])).map(rowToVersion);
}

/**
 * Fixes a version in place for the billing run's error list: what is given replaces what was
 * there (the recipient as a whole), with who fixed it and when.
 */
export async function correctSettingVersion(
  tx: Tx,
  id: string,
  fix: { accountString?: string; parishCode?: string; residenceAddress?: PostalAddress; recipient?: BillingSettingsSnapshot['recipient']; correctedBy: string },
): Promise<BillingSettingVersion> {
  const [row] = await tx.query<BillingSettingRow>(
    `UPDATE billing_setting SET
        account_string = coalesce($2, account_string),
        parish_code = coalesce($3, parish_code),
        residence_address = coalesce($4::jsonb, residence_address),
        recipient_kind = coalesce($5, recipient_kind),
        recipient_name = CASE WHEN $5::text IS NULL THEN recipient_name ELSE $6 END,
        recipient_address = CASE WHEN $5::text IS NULL THEN recipient_address ELSE $7::jsonb END,
        corrected_by = $8, corrected_at = now()
      WHERE id = $1 RETURNING *`,
    [
      id,
      fix.accountString ?? null,
      fix.parishCode ?? null,
      jsonOrNull(fix.residenceAddress),
      fix.recipient?.kind ?? null,
      fix.recipient?.name ?? null,
      jsonOrNull(fix.recipient?.address),
      fix.correctedBy,
    ],
  );
  return rowToVersion(row);
}

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Billing ends on the date of death: versions in force then or open-ended past it end on it.
 * Answers how many ended (none on a repeat). A version starting after the death is left as it is
 * (the billing run refuses to bill a deceased client's later periods anyway).
 */
export async function endSettingsOnDeath(tx: Tx, clientId: string, dateOfDeath: string): Promise<number> {
  const rows = await tx.query(
    'UPDATE billing_setting SET valid_to = $2 WHERE client_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) RETURNING id',
    [clientId, dateOfDeath],
  );
  return rows.length;
}

/** The estate becomes the recipient of the version in force on the date of death (its final invoice). */
export async function setEstateRecipientOnDeath(tx: Tx, clientId: string, dateOfDeath: string, recipient: { name: string; address: unknown }): Promise<number> {
  const rows = await tx.query(
    `UPDATE billing_setting SET recipient_kind = 'estate', recipient_name = $3, recipient_address = $4
      WHERE client_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2) RETURNING id`,
    [clientId, dateOfDeath, recipient.name, JSON.stringify(recipient.address)],
  );
  return rows.length;
}

// Addresses from the population register (register-address.ts in libs/domain).

/**
 * Of the settings versions `settingIds`, those of a client whose address a security ban protects
 * now, with their recipient's kind (the audit log masks what their history overwrote).
 */
export async function settingsUnderSecurityBan(tx: Tx, settingIds: readonly string[]): Promise<Map<string, BillingSettingsSnapshot['recipient']['kind']>> {
  if (settingIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; recipient_kind: BillingSettingsSnapshot['recipient']['kind'] }>(
    `SELECT s.id, s.recipient_kind FROM billing_setting s
       JOIN LATERAL (SELECT l.address_protected FROM billing_setting l WHERE l.client_id = s.client_id ORDER BY l.valid_from DESC LIMIT 1) latest ON latest.address_protected
      WHERE s.id = ANY($1::uuid[])`,
    [[...new Set(settingIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.recipient_kind]));
}

/**
 * The clients among `clientNumbers` of the organisation whose address a security ban protects
 * now: their latest settings version is protected (the register's ban, until it says otherwise).
 * Views mask their address with libs/domain's shownRecipient / shownSettings.
 */
export async function clientNumbersUnderSecurityBan(tx: Tx, organisationId: string, clientNumbers: readonly string[]): Promise<Set<string>> {
  if (clientNumbers.length === 0) return new Set();
  const rows = await tx.query<{ client_number: string }>(
    `SELECT c.client_number FROM client c
       JOIN LATERAL (SELECT s.address_protected FROM billing_setting s WHERE s.client_id = c.id ORDER BY s.valid_from DESC LIMIT 1) latest ON latest.address_protected
      WHERE c.organisation_id = $1 AND c.client_number = ANY($2::text[])`,
    [organisationId, [...new Set(clientNumbers)]],
  );
  return new Set(rows.map((row) => row.client_number));
}


/** The client's versions as far as the address is concerned, locked for the change. */
export async function addressVersions(tx: Tx, clientId: string): Promise<AddressVersion[]> {
  const rows = await tx.query<{ id: string; valid_from: string; valid_to: string | null; residence_address: PostalAddress | null; address_protected: boolean }>(
    'SELECT id, valid_from, valid_to, residence_address, address_protected FROM billing_setting WHERE client_id = $1 ORDER BY valid_from FOR UPDATE',
    [clientId],
  );
  return rows.map((r) => ({ id: r.id, validFrom: r.valid_from, validTo: r.valid_to, residenceAddress: r.residence_address, addressProtected: r.address_protected }));
}

/**
 * Ends the version the day before `from` and starts a copy of it from `from` to its old end with
 * the register's address (the rest of the settings as they were).
 */
export async function splitVersionWithAddress(
  tx: Tx,
  id: string,
  split: { endOn: LocalDate; from: LocalDate; to: LocalDate | null; residenceAddress: PostalAddress | null; addressProtected: boolean; createdBy: string },
): Promise<string> {
  await endSettingVersion(tx, id, split.endOn);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO billing_setting (id, client_id, valid_from, valid_to, debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string,
       recipient_kind, recipient_name, recipient_address, residence_address, address_protected, created_by)
     SELECT gen_random_uuid(), client_id, $2, $3, debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string,
       recipient_kind, recipient_name, recipient_address, $4::jsonb, $5, $6
       FROM billing_setting WHERE id = $1
     RETURNING id`,
    [id, split.from, split.to, jsonOrNull(split.residenceAddress), split.addressProtected, split.createdBy],
  );
  return row.id;
}

/** A version that starts on or after the register's date takes its address in place (the history trigger keeps the old one). */
export async function replaceVersionAddress(tx: Tx, id: string, change: { residenceAddress: PostalAddress | null; addressProtected: boolean; correctedBy: string }): Promise<void> {
  await tx.query('UPDATE billing_setting SET residence_address = $2::jsonb, address_protected = $3, corrected_by = $4, corrected_at = now() WHERE id = $1 RETURNING id', [
    id,
    jsonOrNull(change.residenceAddress),
    change.addressProtected,
    change.correctedBy,
  ]);
}

export interface RegisterAddressChangeRecord {
  changeId: string;
  clientId: string;
  effectiveDate: LocalDate;
  appliesFrom: LocalDate;
  addressProtected: boolean;
  /** The home municipality (kotikunta) the register gave with the change; null when it did not say. */
  homeMunicipality: string | null;
  sourceReference: string;
  versionsChanged: number;
  /** What invoicing made of it: the versions changed, or why nothing changed. */
  outcome: string;
}

/** An address change already received (the sender repeats one it could not confirm). */
export async function findRegisterAddressChange(tx: Tx, changeId: string): Promise<RegisterAddressChangeRecord | null> {
  const [row] = await tx.query<{
    change_id: string;
    client_id: string;
    effective_date: string;
    applies_from: string;
    address_protected: boolean;
    home_municipality: string | null;
    source_reference: string;
    versions_changed: number;
    outcome: string;
  }>('SELECT * FROM register_address_change WHERE change_id = $1', [changeId]);
  return row
    ? {
        changeId: row.change_id,
        clientId: row.client_id,
        effectiveDate: row.effective_date,
        appliesFrom: row.applies_from,
        addressProtected: row.address_protected,
        homeMunicipality: row.home_municipality,
        sourceReference: row.source_reference,
        versionsChanged: row.versions_changed,
        outcome: row.outcome,
      }
    : null;
}

/** Keeps the change (never the address itself) and what was made of it; append-only. */
export async function insertRegisterAddressChange(tx: Tx, record: RegisterAddressChangeRecord): Promise<void> {
  await tx.query(
    `INSERT INTO register_address_change (change_id, client_id, effective_date, applies_from, address_protected, source_reference, versions_changed, outcome, home_municipality)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING change_id`,
    [
      record.changeId,
      record.clientId,
      record.effectiveDate,
      record.appliesFrom,
      record.addressProtected,
      record.sourceReference,
      record.versionsChanged,
      record.outcome,
      record.homeMunicipality,
    ],
  );
}
