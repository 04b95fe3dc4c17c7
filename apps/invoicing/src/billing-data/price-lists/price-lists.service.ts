import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addDays, DomainValidationError, Money, parseLocalDate } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import { organisationFromPath } from '../../organisations/organisation-lookup';
import { todayIn } from '../billing-period';
import { endPrice, findPrice, insertPrice, lockOpenPrice, priceListOn, PriceListRecord } from './price-list.queries';
import type { CreatePriceListItemDto } from './price-lists.dto';

/** The organisation's price list (hinnasto / prislista), dated per item code. */
@Injectable()
export class PriceListsService {
  constructor(private readonly db: Database) {}

  /** A new item, or the next price of one: the open price of the code ends the day before. */
  async addItem(organisationId: string, body: CreatePriceListItemDto, actor: string): Promise<PriceListRecord> {
    const organisation = await this.db.read((tx) => organisationFromPath(tx, organisationId));
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const priceCents = Money.parse(body.price, organisation.currency, 'price').minorUnits;
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        const open = await lockOpenPrice(tx, organisation.id, body.code);
        if (open) {
          if (validFrom <= open.validFrom) throw new DomainValidationError(`must be after the start of the open price of ${body.code} (${open.validFrom})`, 'validFrom');
          await endPrice(tx, open.id, addDays(validFrom, -1));
        }
        await insertPrice(tx, { id, organisationId: organisation.id, ...body, priceCents, validFrom, createdBy: actor });
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict(`the price of ${body.code} overlaps an existing period`, 'validFrom', 'overlaps an existing period');
      throw error;
    }
    return this.db.read(async (tx) => (await findPrice(tx, id))!);
  }

  /** The items valid on `date`, today in the organisation's time zone by default. */
  list(organisationId: string, date: string | undefined): Promise<PriceListRecord[]> {
    return this.db.read(async (tx) => {
      const organisation = await organisationFromPath(tx, organisationId);
      return priceListOn(tx, organisation.id, date === undefined ? todayIn(organisation.timeZone) : parseLocalDate(date, 'date'));
    });
  }
}
