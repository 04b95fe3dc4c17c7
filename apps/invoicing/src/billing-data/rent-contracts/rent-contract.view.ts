import { ApiProperty } from '@nestjs/swagger';
import { HOUSING_TYPES } from '@clientfees/domain';
import type { RentContract } from './rent-contract.queries';

export class RentContractView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: HOUSING_TYPES }) housing!: string;
  @ApiProperty() moveIn!: string;
  @ApiProperty({ description: 'The contract date rent is charged from.' }) contractStart!: string;
  @ApiProperty({ nullable: true, type: String }) moveOut!: string | null;
  @ApiProperty({ nullable: true, enum: ['half', 'full'] }) moveOutRent!: string | null;
  @ApiProperty({ nullable: true, type: String }) contractEnd!: string | null;
  @ApiProperty({ example: '6200.00' }) monthlyRent!: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-04' }) rentFreeMonthPeriod!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(contract: RentContract): RentContractView {
    const { terms } = contract;
    return {
      id: contract.id,
      clientId: contract.clientId,
      housing: terms.housing,
      moveIn: terms.moveIn,
      contractStart: contract.contractStart,
      moveOut: terms.moveOut,
      moveOutRent: terms.moveOutRent,
      contractEnd: contract.contractEnd,
      monthlyRent: terms.monthlyRent,
      rentFreeMonthPeriod: terms.rentFreeMonthPeriod,
      createdBy: contract.createdBy,
      createdAt: contract.createdAt.toISOString(),
    };
  }
}
