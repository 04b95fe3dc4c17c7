import { ApiProperty } from '@nestjs/swagger';
import { type DecidedServiceRecord, SERVICE_KINDS } from './decided-service.queries';

export class DecidedServiceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: SERVICE_KINDS }) kind!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ example: '1450.00' }) serviceCost!: string;
  @ApiProperty({ nullable: true, type: String, example: '12.50' }) hoursPerMonth!: string | null;
  @ApiProperty({ nullable: true, type: String }) careType!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '35.00' }) monthlyFee!: string | null;
  @ApiProperty() absenceDeductible!: boolean;
  @ApiProperty() includesCareHousingFood!: boolean;
  @ApiProperty({ nullable: true, type: String }) decisionReference!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(record: DecidedServiceRecord): DecidedServiceView {
    return {
      id: record.id,
      clientId: record.clientId,
      ...record.service,
      decisionReference: record.decisionReference,
      createdBy: record.createdBy,
      createdAt: record.createdAt.toISOString(),
    };
  }
}
