import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';

const CLIENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

export class CreateClientDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'C-100234', description: 'The organisation’s client number. Never a personal identity code.' })
  @IsString()
  @Matches(CLIENT_NUMBER, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber!: string;

  @ApiProperty({
    example: '131052-308T',
    description:
      'Finnish henkilötunnus (FI organisations) or Swedish personnummer / samordningsnummer (SE). Stored, never returned in full, never logged.',
    writeOnly: true,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  identityCode!: string;

  @ApiProperty({ example: 'Aino Testinen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name!: string;

  @ApiPropertyOptional({ example: '2027-01-10', nullable: true })
  @IsOptional()
  @IsLocalDate()
  dateOfDeath?: string | null;
}

export class UpdateClientDto {
  @ApiPropertyOptional({ example: 'Aino Testinen' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name?: string;

  @ApiPropertyOptional({ example: '2027-01-10', nullable: true, description: 'null clears a date entered by mistake.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsLocalDate()
  dateOfDeath?: string | null;
}

export class SpouseDto {
  @ApiProperty({ format: 'uuid', description: 'The spouse or cohabitant, a client of the same organisation.' })
  @IsUUID(undefined, { message: 'spouseClientId must be a client id (uuid)' })
  spouseClientId!: string;
}

export class ListClientsQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiPropertyOptional({ example: 'C-100234' })
  @IsOptional()
  @Matches(CLIENT_NUMBER, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber?: string;
}
