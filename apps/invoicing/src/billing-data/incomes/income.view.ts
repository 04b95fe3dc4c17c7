import { ApiProperty } from '@nestjs/swagger';
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
