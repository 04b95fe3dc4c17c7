import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';

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
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ example: '2027-05-31' })
  @IsLocalDate()
  validTo!: string;
}
