import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { FeeDecisionForLetter, Household, IncomeTypeTable, LetterAddress, LetterLanguage, localDateInZone, Money, PersonIncomeSummary, ProposalForLetter, RuleVersion, ServiceForFee } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import * as decisions from '../reviews/decision.queries';
import * as q from '../reviews/review.queries';
import { securityBanNow } from '../population/population-change.queries';
import { INCOME_TYPES } from '../reviews/income-types.provider';
import { feeDecisionPdf } from './decision-letter';
import { LETTER_SETTINGS, LetterSettings } from './letter-settings';

interface StoredPopulation {
  name?: string;
  address?: LetterAddress | null;
  securityBan?: boolean;
  guardian?: { name: string; address: LetterAddress | null } | null;
}

/** The fee decision letters: what a decision recorded, printed in Finnish or Swedish. */
@Injectable()
export class DecisionLettersService {
  constructor(
    private readonly db: Database,
    @Inject(INCOME_TYPES) private readonly table: IncomeTypeTable,
    @Inject(LETTER_SETTINGS) private readonly settings: LetterSettings,
  ) {}

  async pdf(decisionId: string, language: LetterLanguage): Promise<Buffer> {
    return feeDecisionPdf(await this.letterData(decisionId, language), language);
  }

  async letterData(decisionId: string, language: LetterLanguage): Promise<FeeDecisionForLetter> {
    const { decision, review, masked } = await this.db.read(async (tx) => {
      const decision = await decisions.findDecision(tx, decisionId);
      if (!decision) throw new NotFoundException('no such fee decision');
      const review = await q.findCase(tx, decision.caseId);
      const masked = await securityBanNow(tx, decision.organisationId, decision.clientId);
      return { decision, review: review!, masked };
    });
    const population = (review.population ?? {}) as StoredPopulation;
    const proposal = decision.proposal as ProposalForLetter & { household?: Household };
    const incomes = decision.incomes as { client: PersonIncomeSummary; spouse: PersonIncomeSummary | null };
    const rules = decision.ruleVersions as { fee: RuleVersion[]; incomeTypes: string };
    const securityBan = population.securityBan === true || masked;
    return {
      decisionId: decision.id,
      organisationName: this.settings.organisationName,
      decidedOn: localDateInZone(Date.parse(decision.decidedAt), 'Europe/Helsinki'),
      decidedBy: decision.decidedBy,
      validFrom: decision.validFrom,
      validTo: decision.validTo,
      endReason: decision.endReason,
      client: { name: population.name || decision.clientId, address: securityBan ? null : (population.address ?? null), securityBan },
      guardian: population.guardian ?? null,
      service: decision.service as ServiceForFee,
      fee: Money.ofMinor(decision.feeCents, 'EUR').toDecimalString(),
      proposedFee: Money.ofMinor(decision.proposedFeeCents, 'EUR').toDecimalString(),
      action: decision.action,
      reason: decision.reason,
      incomes,
      household: proposal.household ?? null,
      proposal,
      ruleVersions: rules.fee,
      incomeTypeTable: rules.incomeTypes,
      incomeTypes: this.table,
      appealTo: this.settings.appealTo[language],
    };
  }
}
