import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CASEWORKER_STEP_OUTCOMES, CASEWORKER_STEPS, Currency, Money } from '@clientfees/domain';
import type { CaseworkerStepRecord, CaseworkerTask } from '../caseworker-tasks/caseworker-task.queries';
import type { DebtLetter } from '../letters/debt-letter.queries';
import type { DebtCase, DebtCaseEvent } from './debt-case.queries';
import type { DebtCaseDetails } from './debt-cases.service';

const money = (cents: number, currency: string) => Money.ofMinor(cents, currency as Currency).toDecimalString();

export class DebtCasesQuery {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiPropertyOptional({ enum: ['active', 'open', 'handed-over', 'closed'], description: 'active: open or handed over.' })
  @IsOptional()
  @IsIn(['active', 'open', 'handed-over', 'closed'])
  state?: string;
  @ApiPropertyOptional({ enum: ['new', 'unattended', 'worked', 'escalated', 'handed-over'], description: 'As the latest month end flagged the case.' })
  @IsOptional()
  @IsIn(['new', 'unattended', 'worked', 'escalated', 'handed-over'])
  flag?: string;
  @ApiPropertyOptional({ example: 'ESPOO-NORTH' }) @IsOptional() @IsString() debitingArea?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
}

export class SetHandlerDto {
  @ApiProperty({ example: 'officer-aino', nullable: true, description: 'The fee officer who works on the case; null: nobody.' })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(200)
  handler!: string | null;
}

export class SetCaseworkerDto {
  @ApiProperty({ example: 'caseworker-lena', nullable: true, description: 'The client’s caseworker (biståndshandläggare / sosiaalityöntekijä).' })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(200)
  caseworker!: string | null;
}

export class RecordCaseworkerStepDto {
  @ApiProperty({ enum: CASEWORKER_STEPS, example: 'contact' }) @IsIn(CASEWORKER_STEPS) step!: string;
  @ApiProperty({ example: 'reached', description: `contact: ${CASEWORKER_STEP_OUTCOMES.contact.join(', ')}; support: ${CASEWORKER_STEP_OUTCOMES.support.join(', ')}; guardianship: ${CASEWORKER_STEP_OUTCOMES.guardianship.join(', ')}` })
  @IsString()
  outcome!: string;
  @ApiPropertyOptional({ example: 'home visit 3.12.; agreed to set up direct debit' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class TasksQuery {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiPropertyOptional({ enum: ['open', 'done'] }) @IsOptional() @IsIn(['open', 'done']) status?: string;
}

export class DebtCaseView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: 'C-2003' }) clientNumber!: string;
  @ApiProperty({ example: 'Lempi Korhonen' }) clientName!: string;
  @ApiProperty({ enum: ['fi', 'sv'] }) language!: string;
  @ApiProperty({ nullable: true, example: 'ESPOO-NORTH' }) debitingArea!: string | null;
  @ApiProperty({
    enum: ['active', 'deceased', 'moved', 'closed'],
    description:
      'As the latest month-end list had it: `moved` when the population register reported a move out of the organisation’s area (its home municipality is none of ' +
      'the organisation’s `municipalityCodes`), or a move whose area is not known (no municipalities set, or no home municipality with the change); a move inside the area is none.',
  })
  clientStatus!: string;
  @ApiProperty({ nullable: true, example: 'officer-aino', description: 'The fee officer who works on the case.' }) handler!: string | null;
  @ApiProperty({ nullable: true }) caseworker!: string | null;
  @ApiProperty({ enum: ['open', 'handed-over', 'closed'] }) state!: string;
  @ApiProperty({ description: 'The deputy head of social services has been told: three months of claims.' }) escalated!: boolean;
  @ApiProperty({ example: ['worked', 'handed-over'] }) flags!: string[];
  @ApiProperty({ example: '412.50', description: 'Unpaid at the latest month end.' }) openAmount!: string;
  @ApiProperty({ example: 3, description: 'Months of claims the debt covers.' }) months!: number;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: string;
  @ApiProperty({ example: '2026-09-30' }) openedOn!: string;
  @ApiProperty({ nullable: true }) closedOn!: string | null;

  static of(debtCase: DebtCase): DebtCaseView {
    return {
      id: debtCase.id,
      organisationId: debtCase.organisationId,
      clientId: debtCase.clientId,
      clientNumber: debtCase.clientNumber,
      clientName: debtCase.clientName,
      language: debtCase.language,
      debitingArea: debtCase.debitingArea,
      clientStatus: debtCase.clientStatus,
      handler: debtCase.handler,
      caseworker: debtCase.caseworker,
      state: debtCase.state,
      escalated: debtCase.escalated,
      flags: debtCase.flags,
      openAmount: money(debtCase.openCents, debtCase.currency),
      months: debtCase.months,
      currency: debtCase.currency,
      openedOn: debtCase.openedOn,
      closedOn: debtCase.closedOn,
    };
  }
}

class DebtCaseEventView {
  @ApiProperty({ example: 'handed-over' }) kind!: string;
  @ApiProperty({ example: 'system:monthlyDebtReview' }) actor!: string;
  @ApiProperty({ example: 'still unpaid after the letter: handed to the caseworker caseworker-lena' }) grounds!: string;
  @ApiProperty() detail!: Record<string, unknown>;
  @ApiProperty({ nullable: true }) reviewId!: string | null;
  @ApiProperty() occurredAt!: string;
}

export class DebtLetterView {
  @ApiProperty() id!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty({ enum: ['fi', 'sv'] }) language!: string;
  @ApiProperty({ example: [{ invoiceNumber: 1042, invoiceDate: '2026-09-25', dueDate: '2026-10-14', openAmount: '120.50' }] })
  claims!: Array<{ invoiceId: string; invoiceNumber: number; invoiceDate: string; dueDate: string; openAmount: string }>;
  @ApiProperty({ example: '120.50' }) total!: string;
  @ApiProperty({ description: 'The PDF with the invoice copies.' }) pdf!: string;
  @ApiProperty() createdAt!: string;

  static of(letter: DebtLetter): DebtLetterView {
    return {
      id: letter.id,
      reviewId: letter.reviewId,
      language: letter.language,
      claims: letter.claims.map((claim) => ({ invoiceId: claim.invoiceId, invoiceNumber: claim.invoiceNumber, invoiceDate: claim.invoiceDate, dueDate: claim.dueDate, openAmount: money(claim.openCents, letter.currency) })),
      total: money(letter.totalCents, letter.currency),
      pdf: `/debt-letters/${letter.id}/pdf`,
      createdAt: letter.createdAt,
    };
  }
}

class CaseworkerStepView {
  @ApiProperty({ enum: CASEWORKER_STEPS }) step!: string;
  @ApiProperty({ example: 'reached' }) outcome!: string;
  @ApiProperty({ nullable: true }) note!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty() recordedAt!: string;
}

export class CaseworkerTaskView {
  @ApiProperty() id!: string;
  @ApiProperty() debtCaseId!: string;
  @ApiProperty({ nullable: true }) assignedTo!: string | null;
  @ApiProperty({ enum: ['open', 'done'] }) status!: string;
  @ApiProperty({ example: 'C-2003' }) clientNumber!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ nullable: true }) debitingArea!: string | null;
  @ApiProperty({ example: '412.50' }) openAmount!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) doneAt!: string | null;
  @ApiPropertyOptional({ type: [CaseworkerStepView] }) steps?: CaseworkerStepRecord[];

  static of(task: CaseworkerTask & { steps?: CaseworkerStepRecord[] }): CaseworkerTaskView {
    return {
      id: task.id,
      debtCaseId: task.debtCaseId,
      assignedTo: task.assignedTo,
      status: task.status,
      clientNumber: task.clientNumber,
      clientName: task.clientName,
      debitingArea: task.debitingArea,
      openAmount: money(task.openCents, task.currency),
      createdAt: task.createdAt,
      doneAt: task.doneAt,
      steps: task.steps,
    };
  }
}

export class DebtCaseDetailsView extends DebtCaseView {
  @ApiProperty({ type: [DebtCaseEventView], description: 'Every step with actor, time and grounds, oldest first.' }) events!: DebtCaseEvent[];
  @ApiProperty({ type: [DebtLetterView] }) letters!: DebtLetterView[];
  @ApiProperty({ type: [CaseworkerTaskView] }) tasks!: CaseworkerTaskView[];

  static details(details: DebtCaseDetails): DebtCaseDetailsView {
    return {
      ...DebtCaseView.of(details.debtCase),
      events: details.events,
      letters: details.letters.map(DebtLetterView.of),
      tasks: details.tasks.map(CaseworkerTaskView.of),
    };
  }
}
