import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Scope, MayDo } from '@clientfees/platform';
import { DebtFollowupSettingsView, PutDebtFollowupSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller('organisations/:organisationId/debt-follow-up')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Put()
  @MayDo('organisation.configure-debt-follow-up')
  @Scope.organisationFromParam()
  @ApiOperation({
    summary: 'Sets the organisation’s debt follow-up: country, currency, time zone, who signs write-offs up to what amount, and the month-end review Schedule.',
  })
  async put(@Param('organisationId') organisationId: string, @Body() body: PutDebtFollowupSettingsDto, @CurrentUser() user: AccessClaims): Promise<DebtFollowupSettingsView> {
    return DebtFollowupSettingsView.of(await this.settings.put(organisationId, body, user.sub));
  }

  @Get()
  @MayDo('organisation.read-debt-follow-up')
  @Scope.organisationFromParam()
  async get(@Param('organisationId') organisationId: string): Promise<DebtFollowupSettingsView> {
    const settings = await this.settings.get(organisationId);
    if (!settings) throw new NotFoundException(`organisation ${organisationId} has no debt follow-up settings`);
    return DebtFollowupSettingsView.of(settings);
  }
}
