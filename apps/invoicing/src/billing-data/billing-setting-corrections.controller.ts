import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainValidationError } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, loadClient } from './billing-data.common';
import { PostalAddressDto } from '../invoices/invoice-recipient';
import { BillingSettingsView, RecipientDto } from './billing-settings.controller';

class BillingSettingCorrectionDto {
  @ApiPropertyOptional({ example: '4100-5230-HOME', description: 'The cost-centre account string (a bookkeeping fix, any time).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  accountString?: string;

  @ApiPropertyOptional({ example: '1280', description: 'SE: the parish (församling) code.' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,12}$/, { message: 'parishCode must be 1-12 letters or digits' })
  parishCode?: string;

  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Only where the version has no residence address yet.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  residenceAddress?: PostalAddressDto;

  @ApiPropertyOptional({ type: RecipientDto, description: 'Only the estate of a deceased client, so that the final invoice arrives.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient?: RecipientDto;
}

interface SettingRow {
  id: string;
  client_id: string;
  residence_address: unknown;
}

/**
 * Fixes for the billing run's error list on the settings version in force (seed 002: "after
 * fixing settings, recalculate"). Only what was missing or is bookkeeping may be fixed in place:
 * an account string or parish code, a missing residence address, the estate as recipient of a
 * deceased client. Any other change is a new version from the next billing period.
 */
@ApiTags('billing-data')
@Controller('clients/:id/billing-settings')
export class BillingSettingCorrectionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Patch(':settingId')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Fixes a settings version in place for the error list (account string, parish code, missing address, estate of a deceased client).' })
  @ApiOkResponse({ type: BillingSettingsView })
  async correct(
    @Param('id', new ParseUUIDPipe()) clientId: string,
    @Param('settingId', new ParseUUIDPipe()) settingId: string,
    @Body() body: BillingSettingCorrectionDto,
    @CurrentUser() user: AccessClaims,
  ): Promise<BillingSettingsView> {
    const { client, organisation } = await loadClient(this.dataSource, clientId);
    const [setting] = (await this.dataSource.query('SELECT id, client_id, residence_address FROM billing_setting WHERE id = $1 AND client_id = $2', [settingId, clientId])) as SettingRow[];
    if (!setting) throw new DomainValidationError(`no settings version ${settingId} for this client`, 'settingId');
    if (Object.values(body).every((value) => value === undefined)) throw new DomainValidationError('name at least one of accountString, parishCode, residenceAddress, recipient', 'body');
    if (body.residenceAddress && setting.residence_address !== null) {
      throw new DomainValidationError('the version already has a residence address: a new address is a new version from the next billing period', 'residenceAddress');
    }
    if (body.recipient) {
      if (body.recipient.kind !== 'estate' || client.date_of_death === null) {
        throw new DomainValidationError('only the estate of a deceased client may be set in place; any other recipient is a new version from the next billing period', 'recipient.kind');
      }
      if (!body.recipient.name || !body.recipient.address) throw new DomainValidationError('the estate needs a name and an address', 'recipient');
    }
    const address = (dto?: PostalAddressDto) => (dto ? JSON.stringify({ ...dto, country: dto.country ?? organisation.country }) : null);
    const [rows] = (await this.dataSource.query(
      `UPDATE billing_setting SET
          account_string = coalesce($3, account_string),
          parish_code = coalesce($4, parish_code),
          residence_address = coalesce($5::jsonb, residence_address),
          recipient_kind = coalesce($6, recipient_kind),
          recipient_name = CASE WHEN $6::text IS NULL THEN recipient_name ELSE $7 END,
          recipient_address = CASE WHEN $6::text IS NULL THEN recipient_address ELSE $8::jsonb END,
          corrected_by = $9, corrected_at = now()
        WHERE id = $1 AND client_id = $2 RETURNING *`,
      [
        settingId,
        clientId,
        body.accountString ?? null,
        body.parishCode ?? null,
        address(body.residenceAddress),
        body.recipient?.kind ?? null,
        body.recipient?.name ?? null,
        address(body.recipient?.address),
        user.sub,
      ],
    )) as [Parameters<typeof BillingSettingsView.of>[0][], number];
    return BillingSettingsView.of(rows[0]);
  }
}
