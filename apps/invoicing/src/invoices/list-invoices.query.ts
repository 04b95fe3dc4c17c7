import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { INVOICE_STATES, InvoiceState } from '@clientfees/contracts';

export class ListInvoicesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ enum: INVOICE_STATES })
  @IsOptional()
  @IsIn(INVOICE_STATES)
  state?: InvoiceState;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
