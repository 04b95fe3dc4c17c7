import { ApiProperty } from '@nestjs/swagger';
import type { SelectionRule } from './selection-rule.queries';

export class SelectionRuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) debitingAreas!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(rule: SelectionRule): SelectionRuleView {
    return { ...rule, createdAt: rule.createdAt.toISOString() };
  }
}
