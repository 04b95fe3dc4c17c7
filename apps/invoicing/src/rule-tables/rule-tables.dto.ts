import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';

export class NewPeriodDto {
  @ApiProperty({ example: '2027-01-01', description: 'The first day of the new period; the open period ends the day before.' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ example: 'Government decree 1234/2026 (index review 1.1.2027)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ description: 'Shaped like the current period’s value (see GET /rule-tables/{name}).' })
  @IsDefined()
  value!: unknown;
}
