import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addDays, DomainValidationError, Money, parseLocalDate } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { endIncome, findIncome, incomeHistory, IncomeRecord, insertIncome, latestIncome } from './income.queries';
import type { CreateIncomeDto } from './incomes.dto';

/** The income a client's fee rests on, dated; a new income ends the open one. */
@Injectable()
export class IncomesService {
  constructor(private readonly db: Database) {}

  async create(clientId: string, body: CreateIncomeDto, actor: string): Promise<IncomeRecord> {
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        const { organisation } = await loadClient(tx, clientId, true);
        const cents = (text: string | undefined, field: string) => (text === undefined ? 0 : Money.parse(text, organisation.currency, field).minorUnits);
        const latest = await latestIncome(tx, clientId);
        if (latest) {
          if (validFrom <= latest.validFrom) throw new DomainValidationError(`must be after the start of the latest income (${latest.validFrom})`, 'validFrom');
          if (latest.validTo === null) await endIncome(tx, latest.id, addDays(validFrom, -1));
        }
        await insertIncome(tx, {
          id,
          clientId,
          validFrom,
          grossMonthlyCents: cents(body.grossMonthlyIncome, 'grossMonthlyIncome'),
          netMonthlyCents: cents(body.netMonthlyIncome, 'netMonthlyIncome'),
          deductionsCents: cents(body.deductions, 'deductions'),
          householdSize: body.householdSize ?? 1,
          housingCostCents: cents(body.housingCost, 'housingCost'),
          source: body.source,
          createdBy: actor,
        });
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the income overlaps an existing one', 'validFrom', 'overlaps an existing income');
      throw error;
    }
    return this.db.read(async (tx) => (await findIncome(tx, id))!);
  }

  history(clientId: string): Promise<IncomeRecord[]> {
    return readOfClient(this.db, clientId, (tx) => incomeHistory(tx, clientId));
  }
}
