import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FeeReductionDecisionDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'C-100234' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber!: string;

  @ApiProperty({ example: 'LU/2026/412', description: 'The decision’s own reference; the same reference twice is one decision.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference!: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ example: '2027-05-31' })
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo!: string;
}
