import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const amountMessage = (field: string) => ({ message: `${field} must be a decimal amount with at most two decimals, e.g. "1234.50"` });

export class CreateIncomeDto {
  @ApiProperty({ example: '2027-01-01', description: 'From when the income counts; the open income ends the day before.' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ example: '2150.00' })
  @IsString()
  @Matches(AMOUNT, amountMessage('grossMonthlyIncome'))
  grossMonthlyIncome!: string;

  @ApiProperty({ example: '1790.35' })
  @IsString()
  @Matches(AMOUNT, amountMessage('netMonthlyIncome'))
  netMonthlyIncome!: string;

  @ApiPropertyOptional({ example: '0.00', description: 'FI long-term care deductions (§ 10 c-d).' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, amountMessage('deductions'))
  deductions?: string;

  @ApiPropertyOptional({ example: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  householdSize?: number;

  @ApiPropertyOptional({ example: '0.00', description: 'SE: the monthly housing cost counted in the fee room.' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, amountMessage('housingCost'))
  housingCost?: string;

  @ApiProperty({ example: 'pension decision 2027 (Kela, ETK)', description: 'Where the figures come from.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;
}
