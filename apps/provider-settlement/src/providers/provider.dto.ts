import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { APPLICATION_DECISIONS, APPLICATION_STATES } from '@clientfees/domain';


export class AddressDto {
  @ApiProperty({ example: 'Hoivakoti Kotiranta' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Rantatie 4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  streetAddress!: string;

  @ApiProperty({ example: '45100' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode!: string;

  @ApiProperty({ example: 'Kouvola' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;
}

export class CreateProviderDto extends AddressDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ example: 'kotiranta', description: 'The id provider users’ tokens name (providerId). A provider user registers under its own; otherwise one is made.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, { message: 'id must be 1-64 letters, digits or dashes' })
  id?: string;

  @ApiProperty({ example: '0245437-2', description: 'Y-tunnus, checked by its check digit.' })
  @IsString()
  businessId!: string;

  @ApiProperty({ example: 'laskutus@kotiranta.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;
}

export class UnitDto extends AddressDto {}

export class ContactDto {
  @ApiProperty({ example: 'Riitta Vastuullinen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'riitta@kotiranta.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiPropertyOptional({ example: '+358 40 123 4567' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ example: 'responsible person', description: 'e.g. responsible person (vastuuhenkilö), billing, notices' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  role!: string;
}

export class BankAccountDto {
  @ApiProperty({ example: 'FI4950009420028730', description: 'Checked by its country’s rules and check digits.' })
  @IsString()
  iban!: string;

  @ApiProperty({ example: 'OKOYFIHH' })
  @IsString()
  bic!: string;
}

export class AttachmentQuery {
  @ApiProperty({ example: 'self-monitoring-plan', description: 'The kind, as the service’s mandatory attachments name it.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'kind must be 1-32 letters, digits, dots, dashes or underscores' })
  kind!: string;

  @ApiProperty({ example: 'omavalvontasuunnitelma-2016.pdf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fileName!: string;

  @ApiPropertyOptional({ description: 'The unit the attachment is for; omit for the company.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'SHA-256 of the file, hex: checked against what arrived.' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256?: string;
}

export class CreateApplicationDto {
  @ApiProperty({ example: 'ENHANCED-HOUSING' })
  @IsString()
  serviceCode!: string;

  @ApiProperty({ example: ['5b0d5c4e-8f2a-4a8e-9d5e-3f1c2b7a9e10'], description: 'The units (toimipaikat) that provide the service.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'unitIds must be unit ids' })
  unitIds!: string[];
}

export class ApplicationDecisionDto {
  @ApiProperty({ enum: APPLICATION_DECISIONS, example: 'approve' })
  @IsIn(APPLICATION_DECISIONS, { message: `decision must be one of ${APPLICATION_DECISIONS.join(', ')}` })
  decision!: (typeof APPLICATION_DECISIONS)[number];

  @ApiProperty({ example: 'The application meets the rule book; attachments checked.' })
  @IsString()
  grounds!: string;

  @ApiPropertyOptional({ example: '2016-02-01', description: 'For an approval: the first day the provider provides the service.' })
  @IsOptional()
  @IsLocalDate()
  approvedFrom?: string;
}

export class ApplicationListQuery {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATES })
  @IsOptional()
  @IsIn(APPLICATION_STATES)
  state?: string;
}
