import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { BillingSettingCorrectionDto, CreateBillingSettingsDto } from './billing-settings.dto';
import { BillingSettingsService } from './billing-settings.service';
import { BillingSettingsView } from './billing-settings.view';

/**
 * Billing settings (laskutustiedot / debiteringsuppgifter): dated versions, never deleted. A new
 * address or recipient takes effect from the billing period after the current one.
 */
@ApiTags('billing-data')
@Controller('clients/:id/billing-settings')
export class BillingSettingsController {
  constructor(private readonly settings: BillingSettingsService) {}

  @Post()
  @HttpCode(201)
  @MayDo('client.maintain')
  @Scope.resource('client')
  @ApiOperation({
    summary: 'Adds a version of the client’s billing settings; the open version ends the day before it starts.',
    description:
      'The first version starts on validFrom (any day, default today). A later version takes effect from the next billing period: validFrom defaults to the first day of next month in the organisation’s time zone and may not be earlier (400 naming validFrom).',
  })
  @ApiCreatedResponse({ type: BillingSettingsView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateBillingSettingsDto, @CurrentUser() user: AccessClaims): Promise<BillingSettingsView> {
    return BillingSettingsView.of(await this.settings.create(clientId, body, user.sub));
  }

  @Get()
  @MayDo('billing-data.read')
  @Scope.resource('client')
  @ApiOperation({
    summary: 'Every version of the client’s billing settings, oldest first.',
    description:
      'While a security ban (turvakielto / skyddad identitet) protects the client’s address — the latest version is protected — no version shows it, for any role: residenceAddress is null, an address given for the client as recipient is null, and addressProtected is true. A guardian’s, trustee’s, relative’s or estate’s own address is shown.',
  })
  @ApiOkResponse({ type: [BillingSettingsView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<BillingSettingsView[]> {
    return (await this.settings.history(clientId)).map((version) => BillingSettingsView.of(version));
  }

  @Patch(':settingId')
  @HttpCode(200)
  @MayDo('client.maintain')
  @Scope.resource('client')
  @ApiOperation({ summary: 'Fixes a settings version in place for the error list (account string, parish code, missing address, estate of a deceased client).' })
  @ApiOkResponse({ type: BillingSettingsView })
  async correct(
    @Param('id', new ParseUUIDPipe()) clientId: string,
    @Param('settingId', new ParseUUIDPipe()) settingId: string,
    @Body() body: BillingSettingCorrectionDto,
    @CurrentUser() user: AccessClaims,
  ): Promise<BillingSettingsView> {
    return BillingSettingsView.of(await this.settings.correct(clientId, settingId, body, user.sub));
  }
}
