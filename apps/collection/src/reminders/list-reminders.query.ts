import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min, IsOptional } from 'class-validator';

export class ListRemindersQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
