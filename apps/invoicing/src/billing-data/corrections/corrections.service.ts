import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CorrectionItem, correctionPermission, DomainValidationError, firstDayOfPeriod, lastDayOfPeriod, Money, periodOf } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { conflict, Database } from '@clientfees/platform';
import { todayIn } from '../billing-period';
import { unfinishedRunWithCorrection } from '../billing-period.queries';
import { UNIT_AND_BILLING_TEAM } from '../billing-roles';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { pricedItemDuring } from '../price-lists/price-list.queries';
import { correctionRoleOf } from './correction-permission';
import { Correction, correctionsOf, deleteCorrection, findCorrection, insertCorrection } from './correction.queries';
import type { CreateCorrectionDto } from './corrections.dto';

/** Fee corrections (maksukorjaus / avgiftskorrigering), billed on the client's next invoice (seed 002, p.21). */
@Injectable()
export class CorrectionsService {
  constructor(private readonly db: Database) {}

  /**
   * Unit staff may correct piece-priced items that cannot affect a maximum fee only; anything else
   * is the billing team's (`correctionPermission`): a refusal is a 403 with the reason.
   */
  async create(clientId: string, body: CreateCorrectionDto, user: AccessClaims): Promise<Correction> {
    const role = correctionRoleOf(user.roles);
    if (role === null) throw new ForbiddenException(`requires one of the roles: ${UNIT_AND_BILLING_TEAM.join(', ')}`);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const { client, organisation } = await loadClient(tx, clientId);
      const amountCents = Money.parse(body.amount, organisation.currency, 'amount').minorUnits;
      if (amountCents === 0) throw new DomainValidationError('must not be zero', 'amount');
      const current = periodOf(todayIn(organisation.timeZone));
      if (body.period > current) throw new DomainValidationError(`must not be after the current period (${current})`, 'period');
      let item: CorrectionItem | null = null;
      if (body.itemCode !== undefined) {
        // The item's price in the corrected period (the latest, if it changed during the month).
        item = await pricedItemDuring(tx, client.organisationId, body.itemCode, firstDayOfPeriod(body.period), lastDayOfPeriod(body.period));
        if (!item) throw new DomainValidationError(`is not in the price list in ${body.period}`, 'itemCode');
      }
      const permission = correctionPermission(role, item);
      if (!permission.allowed) throw new ForbiddenException({ statusCode: 403, message: permission.reason, problems: [{ field: 'itemCode', reason: permission.reason }] });
      await insertCorrection(tx, { id, clientId, period: body.period, amountCents, text: body.text, itemCode: body.itemCode ?? null, madeBy: user.sub, madeByRole: role });
    });
    return (await this.db.read((tx) => findCorrection(tx, id)))!;
  }

  list(clientId: string): Promise<Correction[]> {
    return readOfClient(this.db, clientId, (tx) => correctionsOf(tx, clientId));
  }

  /** An unbilled correction goes; a billed one, or one a run not yet completed has calculated with, stays (409). */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const correction = await findCorrection(tx, id, { lock: true });
      if (!correction) throw new NotFoundException(`no correction ${id}`);
      if (correction.billedInvoiceId !== null) {
        throw conflict(`the correction was billed on invoice ${correction.billedInvoiceId} and is never deleted; make a new correction instead`, 'id', 'already billed');
      }
      // A run being decided or invoiced bills what it calculated: the correction stays until then.
      const run = await unfinishedRunWithCorrection(tx, id);
      if (run) {
        throw conflict(`the correction is in the calculation of billing run ${run.id} (${run.state}); delete it after that run, or cancel the run`, 'id', 'in a running billing run');
      }
      await deleteCorrection(tx, id);
    });
  }
}
