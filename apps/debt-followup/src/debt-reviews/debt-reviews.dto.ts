import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import type { DebtReviewSummary } from '@clientfees/contracts';
import { IsLocalDate } from '@clientfees/platform';
import type { DebtReview } from './debt-review.queries';

export class StartDebtReviewDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: '2026-11-30', description: 'The month end reviewed: the debt list is of claims unpaid past their due date on this day.' })
  @IsLocalDate()
  monthEnd!: string;
}

export class DebtReviewSummaryView implements DebtReviewSummary {
  @ApiProperty() reviewId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ example: '2026-11-30' }) monthEnd!: string;
  @ApiProperty({ example: 42, description: 'Invoices on the debt list.' }) claims!: number;
  @ApiProperty({ example: 17 }) clients!: number;
  @ApiProperty({ example: 812345 }) openCents!: number;
  @ApiProperty({ example: 5 }) newCases!: number;
  @ApiProperty({ example: 9, description: 'Open cases someone works on (a handler).' }) workedCases!: number;
  @ApiProperty({ example: 3, description: 'Open cases nobody works on: flagged for the fee officers.' }) unattendedCases!: number;
  @ApiProperty({ example: 6 }) letters!: number;
  @ApiProperty({ example: 2, description: 'Cases handed to the caseworker: still unpaid after the letter.' }) handedOver!: number;
  @ApiProperty({ example: 1, description: 'Debts grown to three months of claims: the deputy head of social services told.' }) escalated!: number;
  @ApiProperty({ example: 4 }) closedCases!: number;
  @ApiProperty({ example: 1, description: 'Deceased, moved and closed clients the finance office was told of.' }) financeNotices!: number;
}

export class DebtReviewView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ example: '2026-11-30' }) monthEnd!: string;
  @ApiProperty({ enum: ['reading', 'reviewing', 'completed'] }) status!: string;
  @ApiProperty({ type: DebtReviewSummaryView, nullable: true }) summary!: DebtReviewSummary | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true }) completedAt!: string | null;

  static of(review: DebtReview): DebtReviewView {
    return { id: review.id, organisationId: review.organisationId, monthEnd: review.monthEnd, status: review.status, summary: review.summary, startedAt: review.startedAt, completedAt: review.completedAt };
  }
}
