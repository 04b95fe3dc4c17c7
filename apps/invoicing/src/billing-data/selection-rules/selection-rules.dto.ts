import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class SelectionRulesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;
}

export class CreateSelectionRuleDto extends SelectionRulesQuery {
  @ApiProperty({ example: 'All areas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: ['ESPOO-NORTH', 'ESPOO-SOUTH'], description: 'The debiting areas a billing run with this rule selects.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'debitingAreas must name at least one debiting area' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'debitingAreas must not repeat an area' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/, { each: true, message: 'each debiting area must be 1-40 letters, digits, spaces, dots, dashes or underscores' })
  debitingAreas!: string[];
}
