import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { firstDayOfPeriod, isDomainValidationError, parseLocalDate, priceListPeriods } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { centsOf } from '../common/cents';
import { badRequest, conflict, notFound, orConflict } from '../common/http';
import { findVoucherService } from '../organisations/organisation.queries';
import { findProvider, listUnits } from '../providers/provider.queries';
import { firstOpenMonth } from '../settlements/settlement.queries';
import { PriceListDecisionDto, CreatePriceListDto } from './price-list.dto';
import { decidePriceList, findPriceList, insertPriceList, listPriceLists, lockApprovedLists, priceListOwner, setValidTo } from './price-list.queries';

/**
 * Price lists (hinnasto, seed 003 §1.3.7, §2.4): the provider proposes, the municipality
 * approves. An approved list is never edited — a change is a new list — and its end is derived:
 * the day before the next list of the same unit. The database refuses overlapping lists.
 */
@Injectable()
export class PriceListsService {
  constructor(private readonly db: Database) {}

  ownerOf(id: string) {
    return this.db.read((tx) => priceListOwner(tx, id));
  }

  async create(providerId: string, dto: CreatePriceListDto, actor: string) {
    const id = randomUUID();
    const validFrom = parseLocalDate(dto.validFrom, 'validFrom');
    return this.db.transaction(async (tx) => {
      const provider = (await findProvider(tx, providerId)) ?? notFound(`provider ${providerId}`);
      const service = (await findVoucherService(tx, provider.organisationId, dto.serviceCode)) ?? notFound(`service ${dto.serviceCode}`);
      if (dto.unitId !== undefined && !(await listUnits(tx, providerId)).some((unit) => unit.id === dto.unitId)) notFound(`unit ${dto.unitId} of the provider`);
      dto.items.forEach((item, index) => {
        if (!service.contents.some((content) => content.code === item.contentCode)) badRequest(`items.${index}.contentCode`, `${dto.serviceCode} has no content ${item.contentCode}`);
      });
      if (new Set(dto.items.map((item) => item.contentCode)).size !== dto.items.length) badRequest('items', 'a content is priced once in a list');
      await insertPriceList(
        tx,
        {
          id,
          organisationId: provider.organisationId,
          providerId,
          unitId: dto.unitId ?? null,
          serviceCode: dto.serviceCode,
          name: dto.name,
          validFrom,
          items: dto.items.map((item, index) => ({ contentCode: item.contentCode, unitPriceCents: centsOf(item.unitPrice, `items.${index}.unitPrice`) })),
        },
        actor,
      );
      return (await findPriceList(tx, id))!;
    });
  }

  async get(id: string) {
    return (await this.db.read((tx) => findPriceList(tx, id))) ?? notFound(`price list ${id}`);
  }

  list(providerId: string) {
    return this.db.read((tx) => listPriceLists(tx, providerId));
  }

  /**
   * Approves (or rejects) a pending list. Approval ends the list before it on the same unit and
   * may not reach into a settled month: what was paid was priced by the lists of the time.
   */
  async decide(id: string, dto: PriceListDecisionDto, actor: string) {
    return this.db.transaction(async (tx) => {
      const list = (await findPriceList(tx, id)) ?? notFound(`price list ${id}`);
      if (list.state !== 'pending') conflict('price list', `the list is ${list.state}: an approved list is never changed, make a new one`);
      if (!dto.approve) {
        await decidePriceList(tx, id, { state: 'rejected', validTo: null, actor, grounds: dto.grounds });
        return (await findPriceList(tx, id))!;
      }
      const open = await firstOpenMonth(tx, list.organisationId);
      if (open !== null && list.validFrom < firstDayOfPeriod(open)) conflict('validFrom', `months before ${open} are settled: a new list starts ${firstDayOfPeriod(open)} at the earliest`);
      const approved = await lockApprovedLists(tx, list.providerId, list.serviceCode);
      let periods;
      try {
        periods = priceListPeriods([...approved, list]);
      } catch (error) {
        if (isDomainValidationError(error)) conflict('validFrom', error.reason);
        throw error;
      }
      // Shorten the neighbour first, so the exclusion constraint never sees the two overlap.
      for (const period of periods) {
        const before = approved.find((other) => other.id === period.id);
        if (before && before.validTo !== period.validTo) await setValidTo(tx, period.id, period.validTo);
      }
      const own = periods.find((period) => period.id === id)!;
      await orConflict(() => decidePriceList(tx, id, { state: 'approved', validTo: own.validTo, actor, grounds: dto.grounds }), 'validFrom', 'the list would overlap another list of the same unit');
      return (await findPriceList(tx, id))!;
    });
  }
}

