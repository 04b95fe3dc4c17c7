import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidationOptions } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date `YYYY-MM-DD` in a request (`<field> must be a date YYYY-MM-DD`). The shape only:
 * the service still parses it with the domain's `parseLocalDate`, which refuses 2027-02-30.
 */
export function IsLocalDate(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(LOCAL_DATE, { message: ({ property }) => `${property} must be a date YYYY-MM-DD`, ...options });
}

/** The page size of a list route: 100 unless asked, at most 1,000. */
export class PageQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
