import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DecidedFee } from '@clientfees/domain';
import type { IncomeRecord } from './income.queries';

export class IncomeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ example: '2150.00' }) grossMonthlyIncome!: string;
  @ApiProperty({ example: '1790.35' }) netMonthlyIncome!: string;
  @ApiProperty({ example: '0.00' }) deductions!: string;
  @ApiProperty() householdSize!: number;
  @ApiProperty({ example: '0.00' }) housingCost!: string;
  @ApiProperty() source!: string;
  @ApiPropertyOptional({
    type: Object,
    description: 'The official’s fee decision the income came from (income verification): its id and date, the decided fee and service, the authority records and the rule versions. The billing run bills the decided fee while the decided service is the one it was decided for.',
    example: { decisionId: '7c0e…', decidedOn: '2026-11-24', fee: '202.05', service: { kind: 'fi-home-care', hoursPerMonth: '10' }, incomeSources: ['Incomes Register: 1001 Earnings-related old-age pension, 12 reports 11/2025–10/2026, latest report 04b5…'], rules: [] },
  })
  feeDecision?: DecidedFee | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(record: IncomeRecord): IncomeView {
    const { validFrom, ...figures } = record.income;
    return {
      id: record.id,
      clientId: record.clientId,
      validFrom,
      validTo: record.validTo,
      ...figures,
      source: record.source,
      createdBy: record.createdBy,
      createdAt: record.createdAt.toISOString(),
    };
  }
}
