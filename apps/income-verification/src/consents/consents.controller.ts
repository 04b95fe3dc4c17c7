import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AUTHORITY_SOURCES, type AuthoritySource, type ConsentStatus } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Database, MayDo, Scope } from '@clientfees/platform';
import { ReviewsService } from '../reviews/reviews.service';
import { consentsOf, insertConsent } from './consent.queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecordConsentDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ enum: ['given', 'declined', 'withdrawn'], example: 'given' })
  @IsIn(['given', 'declined', 'withdrawn'], { message: 'status must be given, declined or withdrawn' })
  status!: ConsentStatus;

  @ApiProperty({ isArray: true, enum: AUTHORITY_SOURCES, example: ['incomes-register', 'population-register', 'tax-administration'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(AUTHORITY_SOURCES, { each: true, message: `sources must be among ${AUTHORITY_SOURCES.join(', ')}` })
  sources!: AuthoritySource[];

  @ApiProperty({ example: '2026-12-01' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;

  @ApiPropertyOptional({ example: 'Consent given by phone, form to follow.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The consent registry: given, declined or withdrawn, by source and validity; append-only. */
@ApiTags('consents')
@Controller('clients/:clientId/consents')
export class ConsentsController {
  constructor(
    private readonly db: Database,
    private readonly reviews: ReviewsService,
  ) {}

  @Post()
  @MayDo('income-determination.prepare')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Records the client’s consent, refusal or withdrawal; the client’s open reviews are told at once.' })
  async record(@Param('clientId') clientId: string, @Body() body: RecordConsentDto, @CurrentUser() user: AccessClaims) {
    const consent = await this.db.transaction((tx) =>
      insertConsent(tx, { organisationId: body.organisationId, clientId, status: body.status, sources: body.sources, validFrom: body.validFrom, validTo: body.validTo ?? null, note: body.note ?? null, recordedBy: user.sub }),
    );
    await this.reviews.signalConsentChanged(body.organisationId, clientId);
    return consent;
  }

  @Get()
  @MayDo('income-review.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Every consent recorded for the client, oldest first.' })
  list(@Param('clientId') clientId: string, @Query('organisationId') organisationId: string) {
    return this.db.read((tx) => consentsOf(tx, organisationId, clientId));
  }
}
