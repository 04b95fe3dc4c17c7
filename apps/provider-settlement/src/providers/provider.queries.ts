import type { Tx } from '@clientfees/platform';
import type { ResourceOwner } from '@clientfees/platform';

export interface ProviderRecord {
  id: string;
  organisationId: string;
  businessId: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  email: string;
}

export interface ProviderUnit {
  id: string;
  providerId: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
}

export interface ProviderContact {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string;
}

export interface BankAccount {
  iban: string;
  bic: string;
  recordedBy: string;
  recordedAt: string;
}

interface ProviderRow {
  id: string;
  organisation_id: string;
  business_id: string;
  name: string;
  street_address: string;
  postal_code: string;
  city: string;
  email: string;
}

const rowToProvider = (row: ProviderRow): ProviderRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  businessId: row.business_id,
  name: row.name,
  streetAddress: row.street_address,
  postalCode: row.postal_code,
  city: row.city,
  email: row.email,
});

export async function insertProvider(tx: Tx, provider: ProviderRecord, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO provider (id, organisation_id, business_id, name, street_address, postal_code, city, email, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [provider.id, provider.organisationId, provider.businessId, provider.name, provider.streetAddress, provider.postalCode, provider.city, provider.email, actor],
  );
}

export async function findProvider(tx: Tx, id: string): Promise<ProviderRecord | undefined> {
  const [row] = await tx.query<ProviderRow>('SELECT * FROM provider WHERE id = $1', [id]);
  return row ? rowToProvider(row) : undefined;
}

/** The organisation's providers; a provider user's list holds only its own. */
export async function listProviders(tx: Tx, organisationId: string, onlyProviderId?: string): Promise<ProviderRecord[]> {
  const rows = await tx.query<ProviderRow>('SELECT * FROM provider WHERE organisation_id = $1 AND ($2::text IS NULL OR id = $2) ORDER BY name, id', [organisationId, onlyProviderId ?? null]);
  return rows.map(rowToProvider);
}

export async function providerOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>('SELECT organisation_id FROM provider WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: id } : undefined;
}

export async function insertUnit(tx: Tx, unit: ProviderUnit): Promise<void> {
  await tx.query('INSERT INTO provider_unit (id, provider_id, name, street_address, postal_code, city) VALUES ($1, $2, $3, $4, $5, $6)', [
    unit.id,
    unit.providerId,
    unit.name,
    unit.streetAddress,
    unit.postalCode,
    unit.city,
  ]);
}

export async function listUnits(tx: Tx, providerId: string): Promise<ProviderUnit[]> {
  const rows = await tx.query<{ id: string; provider_id: string; name: string; street_address: string; postal_code: string; city: string }>(
    'SELECT * FROM provider_unit WHERE provider_id = $1 ORDER BY name, id',
    [providerId],
  );
  return rows.map((row) => ({ id: row.id, providerId: row.provider_id, name: row.name, streetAddress: row.street_address, postalCode: row.postal_code, city: row.city }));
}

export async function insertContact(tx: Tx, providerId: string, contact: ProviderContact): Promise<void> {
  await tx.query('INSERT INTO provider_contact (id, provider_id, name, email, phone, role) VALUES ($1, $2, $3, $4, $5, $6)', [
    contact.id,
    providerId,
    contact.name,
    contact.email,
    contact.phone,
    contact.role,
  ]);
}

export async function listContacts(tx: Tx, providerId: string): Promise<ProviderContact[]> {
  return tx.query<ProviderContact>('SELECT id, name, email, phone, role FROM provider_contact WHERE provider_id = $1 ORDER BY created_at, id', [providerId]);
}

/** Bank accounts are never overwritten: a change is a new row, and the latest is in force. */
export async function insertBankAccount(tx: Tx, providerId: string, iban: string, bic: string, actor: string): Promise<void> {
  await tx.query('INSERT INTO provider_bank_account (provider_id, iban, bic, recorded_by) VALUES ($1, $2, $3, $4)', [providerId, iban, bic, actor]);
}

export async function currentBankAccount(tx: Tx, providerId: string): Promise<BankAccount | undefined> {
  const [row] = await tx.query<{ iban: string; bic: string; recorded_by: string; recorded_at: Date }>(
    'SELECT iban, bic, recorded_by, recorded_at FROM provider_bank_account WHERE provider_id = $1 ORDER BY id DESC LIMIT 1',
    [providerId],
  );
  return row ? { iban: row.iban, bic: row.bic, recordedBy: row.recorded_by, recordedAt: row.recorded_at.toISOString() } : undefined;
}

export async function approvedServices(tx: Tx, providerId: string): Promise<Array<{ serviceCode: string; approvedFrom: string; applicationId: string }>> {
  return tx.query('SELECT service_code AS "serviceCode", approved_from AS "approvedFrom", application_id AS "applicationId" FROM approved_service WHERE provider_id = $1 ORDER BY service_code', [providerId]);
}
