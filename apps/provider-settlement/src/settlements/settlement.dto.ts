import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class StartSettlementDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: '2016-03', description: 'The month settled; the workflow settles it on the 4th of the next month.' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month!: string;
}
