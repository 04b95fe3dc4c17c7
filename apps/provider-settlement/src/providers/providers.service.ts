import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { AccessClaims } from '@clientfees/contracts';
import { parseBic, parseFinnishBusinessId, parseIban } from '@clientfees/domain';
import { Database, scopeOf } from '@clientfees/platform';
import { badRequest, conflict, notFound, orConflict } from '../common/http';
import { requireOrganisation } from '../organisations/organisations.service';
import { attachmentOwner, AttachmentMeta, findAttachmentContent, insertAttachment, listAttachments } from './attachment.queries';
import { AttachmentQuery, BankAccountDto, ContactDto, CreateProviderDto, UnitDto } from './provider.dto';
import {
  approvedServices,
  currentBankAccount,
  findProvider,
  insertBankAccount,
  insertContact,
  insertProvider,
  insertUnit,
  listContacts,
  listProviders,
  listUnits,
  providerOwner,
  ProviderRecord,
} from './provider.queries';

/** Providers (palveluntuottajat, seed 003 §1.2): company, units, contacts, bank account, attachments. */
@Injectable()
export class ProvidersService {
  constructor(private readonly db: Database) {}

  ownerOf(id: string) {
    return this.db.read((tx) => providerOwner(tx, id));
  }

  attachmentOwnerOf(id: string) {
    return this.db.read((tx) => attachmentOwner(tx, id));
  }

  async create(dto: CreateProviderDto, user: AccessClaims): Promise<ProviderRecord> {
    const providerBound = scopeOf(user).providerBound;
    if (providerBound && dto.id !== undefined && dto.id !== user.providerId) badRequest('id', 'a provider user registers its own provider, the one its token names');
    const provider: ProviderRecord = {
      id: providerBound ? user.providerId! : (dto.id ?? randomUUID()),
      organisationId: dto.organisationId,
      businessId: parseFinnishBusinessId(dto.businessId, 'businessId').value,
      name: dto.name,
      streetAddress: dto.streetAddress,
      postalCode: dto.postalCode,
      city: dto.city,
      email: dto.email,
    };
    await this.db.transaction(async (tx) => {
      await requireOrganisation(tx, dto.organisationId);
      if (await findProvider(tx, provider.id)) conflict('id', `provider ${provider.id} is already registered`);
      await orConflict(() => insertProvider(tx, provider, user.sub), 'businessId', 'a provider with this business ID is already registered in the organisation');
    });
    return provider;
  }

  list(organisationId: string, onlyProviderId?: string) {
    return this.db.read((tx) => listProviders(tx, organisationId, onlyProviderId));
  }

  /** The provider with its units, contacts, bank account (none: paid once one is given) and approved services. */
  async view(id: string) {
    return this.db.read(async (tx) => {
      const provider = (await findProvider(tx, id)) ?? notFound(`provider ${id}`);
      return {
        ...provider,
        units: await listUnits(tx, id),
        contacts: await listContacts(tx, id),
        bankAccount: (await currentBankAccount(tx, id)) ?? null,
        services: await approvedServices(tx, id),
      };
    });
  }

  async addUnit(providerId: string, dto: UnitDto) {
    const unit = { id: randomUUID(), providerId, name: dto.name, streetAddress: dto.streetAddress, postalCode: dto.postalCode, city: dto.city };
    await this.db.transaction((tx) => insertUnit(tx, unit));
    return unit;
  }

  async addContact(providerId: string, dto: ContactDto) {
    const contact = { id: randomUUID(), name: dto.name, email: dto.email, phone: dto.phone ?? null, role: dto.role };
    await this.db.transaction((tx) => insertContact(tx, providerId, contact));
    return contact;
  }

  /** A new bank account; the earlier ones stay on record. No municipality approval is needed (seed 003 §1.2.2). */
  async setBankAccount(providerId: string, dto: BankAccountDto, actor: string) {
    const iban = parseIban(dto.iban, {}, 'iban');
    const bic = parseBic(dto.bic, 'bic');
    await this.db.transaction((tx) => insertBankAccount(tx, providerId, iban.value, bic.value, actor));
    return { iban: iban.value, formatted: iban.formatted, bic: bic.value };
  }

  /** Stores the file with its content type, size and SHA-256; a checksum sent along must match. */
  async upload(providerId: string, query: AttachmentQuery, file: { contentType: string; content: Buffer }, actor: string): Promise<AttachmentMeta> {
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    if (query.sha256 !== undefined && query.sha256.toLowerCase() !== sha256) badRequest('sha256', 'does not match the file received: send it again');
    return this.db.transaction(async (tx) => {
      if (query.unitId !== undefined && !(await listUnits(tx, providerId)).some((unit) => unit.id === query.unitId)) notFound(`unit ${query.unitId} of the provider`);
      return insertAttachment(
        tx,
        { id: randomUUID(), providerId, unitId: query.unitId ?? null, kind: query.kind, fileName: query.fileName, contentType: file.contentType, sizeBytes: file.content.length, sha256, uploadedBy: actor },
        file.content,
      );
    });
  }

  attachments(providerId: string) {
    return this.db.read((tx) => listAttachments(tx, providerId));
  }

  async attachment(id: string) {
    return (await this.db.read((tx) => findAttachmentContent(tx, id))) ?? notFound(`attachment ${id}`);
  }
}
