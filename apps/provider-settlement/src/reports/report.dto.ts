import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class ReportQuery {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: '2016-01', description: 'First month (YYYY-MM).' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'from must be YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2016-03', description: 'Last month (YYYY-MM), included.' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'to must be YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({ example: 'ENHANCED-HOUSING' })
  @IsOptional()
  @IsString()
  serviceCode?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], example: 'csv', description: 'CSV for a spreadsheet (semicolons, UTF-8 with BOM); JSON by default.' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
