import { ApiProperty } from '@nestjs/swagger';
import { PRICE_UNITS, type PriceListRecord } from './price-list.queries';

export class PriceListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRICE_UNITS }) unit!: string;
  @ApiProperty({ example: '32.50' }) price!: string;
  @ApiProperty() piecePriced!: boolean;
  @ApiProperty() affectsMaximumFee!: boolean;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(record: PriceListRecord): PriceListItemView {
    return {
      id: record.id,
      organisationId: record.organisationId,
      ...record.item,
      validFrom: record.validFrom,
      validTo: record.validTo,
      createdBy: record.createdBy,
      createdAt: record.createdAt.toISOString(),
    };
  }
}
