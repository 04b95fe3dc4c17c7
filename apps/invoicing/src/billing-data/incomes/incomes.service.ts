import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FeeDecisionForInvoicing, FeeDecisionRecorded } from '@clientfees/contracts';
import { addDays, DomainValidationError, Money, parseLocalDate } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { findClient } from '../clients/client.queries';
import { findOrganisation } from '../../organisations/organisation.queries';
import { endIncome, findIncome, incomeHistory, IncomeRecord, incomeOfFeeDecision, insertIncome, latestIncome } from './income.queries';
import type { CreateIncomeDto } from './incomes.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  /**
   * The official's fee decision (income verification) becomes the client's income from its
   * first day, carrying the decided fee, the authority records and the rule versions, so that
   * the next billing run bills the decided fee and its rows say where it came from. The open
   * income ends the day before. Recording the same decision again changes nothing; a decision
   * invoicing cannot take (unknown client, an income already starting on or after its first day)
   * is answered with the reason, for the review to show.
   */
  async recordFeeDecision(decision: FeeDecisionForInvoicing): Promise<FeeDecisionRecorded> {
    if (!UUID.test(decision.clientId)) return { recorded: false, reason: `invoicing has no client ${decision.clientId}` };
    return this.db.transaction(async (tx) => {
      const existing = await incomeOfFeeDecision(tx, decision.decisionId);
      if (existing) return { recorded: true as const, incomeId: existing };
      const client = await findClient(tx, decision.clientId, { lock: true });
      if (!client || client.organisationId !== decision.organisationId) return { recorded: false as const, reason: `invoicing has no client ${decision.clientId} in ${decision.organisationId}` };
      const organisation = await findOrganisation(tx, client.organisationId);
      if (organisation?.currency !== 'EUR') return { recorded: false as const, reason: 'the client’s organisation does not bill in euros' };
      const latest = await latestIncome(tx, client.id);
      if (latest && latest.validFrom >= decision.validFrom) {
        return { recorded: false as const, reason: `the client already has an income from ${latest.validFrom}: enter the decision’s income by hand or end that income first` };
      }
      if (latest && (latest.validTo === null || latest.validTo >= decision.validFrom)) await endIncome(tx, latest.id, addDays(decision.validFrom, -1));
      const cents = (text: string, field: string) => Money.parse(text, 'EUR', field).minorUnits;
      const id = randomUUID();
      await insertIncome(tx, {
        id,
        clientId: client.id,
        validFrom: decision.validFrom,
        grossMonthlyCents: cents(decision.income.grossMonthly, 'income.grossMonthly'),
        netMonthlyCents: cents(decision.income.netMonthly, 'income.netMonthly'),
        deductionsCents: cents(decision.income.deductions, 'income.deductions'),
        householdSize: decision.income.householdSize,
        housingCostCents: 0,
        source: `fee decision ${decision.decisionId} of ${decision.decidedOn} by ${decision.decidedBy} (income verification)`,
        createdBy: 'income-verification',
        feeDecision: { decisionId: decision.decisionId, decidedOn: decision.decidedOn, fee: decision.fee, service: decision.service, incomeSources: decision.incomeSources, rules: decision.rules },
      });
      return { recorded: true as const, incomeId: id };
    });
  }

  history(clientId: string): Promise<IncomeRecord[]> {
    return readOfClient(this.db, clientId, (tx) => incomeHistory(tx, clientId));
  }
}
