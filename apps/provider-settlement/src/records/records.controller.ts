import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { OrganisationQuery } from '../organisations/organisation.dto';
import { ChangeEventDto, ConfirmMonthDto, CreditRequestDto, PeriodQuery, EndInterruptionDto, EventDecisionDto, MonthQuery, RecordEventDto, RecordInterruptionDto } from './record.dto';
import { RecordsService } from './records.service';

@ApiTags('service events and interruptions')
@Controller()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Post('vouchers/:id/events')
  @MayDo('provider-service.record')
  @Scope.resource('voucher')
  @ApiOperation({ summary: 'Record a service event on a reserved content: units × unit value from the price list and voucher in force on the event date' })
  recordEvent(@Param('id') voucherId: string, @Body() dto: RecordEventDto, @CurrentUser() user: AccessClaims) {
    return this.records.recordEvent(voucherId, dto, user.sub);
  }

  @Get('vouchers/:id/events')
  @MayDo('voucher-data.read')
  @Scope.resource('voucher')
  voucherEvents(@Param('id') voucherId: string) {
    return this.records.voucherEvents(voucherId);
  }

  @Get('events/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('event')
  event(@Param('id') id: string) {
    return this.records.event(id);
  }

  @Patch('events/:id')
  @MayDo('provider-service.record')
  @Scope.resource('event')
  @ApiOperation({ summary: 'Correct an event not yet settled (after settlement only a credit request corrects it)' })
  change(@Param('id') id: string, @Body() dto: ChangeEventDto, @CurrentUser() user: AccessClaims) {
    return this.records.changeEvent(id, dto, user.sub);
  }

  @Post('events/:id/complete')
  @MayDo('provider-service.record')
  @Scope.resource('event')
  @ApiOperation({ summary: 'Save an incomplete event complete (kirjaa): only complete events are settled' })
  complete(@Param('id') id: string, @CurrentUser() user: AccessClaims) {
    return this.records.completeEvent(id, user.sub);
  }

  @Delete('events/:id')
  @HttpCode(204)
  @MayDo('provider-service.record')
  @Scope.resource('event')
  async remove(@Param('id') id: string, @CurrentUser() user: AccessClaims) {
    await this.records.deleteEvent(id, user.sub);
  }

  @Post('events/:id/decision')
  @MayDo('voucher-event.decide')
  @Scope.resource('event')
  @ApiOperation({ summary: 'Decide an event past the grant: approve, reject, or approve with a credit request deducted next month' })
  decide(@Param('id') id: string, @Body() dto: EventDecisionDto, @CurrentUser() user: AccessClaims) {
    return this.records.decideEvent(id, dto, user.sub);
  }

  @Post('events/:id/credit-request')
  @MayDo('voucher-event.decide')
  @Scope.resource('event')
  @ApiOperation({ summary: 'A credit request (hyvityspyyntö) for an erroneous event: its value is deducted in the next settlement' })
  credit(@Param('id') id: string, @Body() dto: CreditRequestDto, @CurrentUser() user: AccessClaims) {
    return this.records.requestCredit(id, dto, user.sub);
  }

  @Get('approvals')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Events waiting for manual approval (decide them by the 3rd); a provider user sees its own' })
  approvals(@Query() query: OrganisationQuery, @CurrentUser() user: AccessClaims) {
    return this.records.approvals(query.organisationId, providerFilter(user));
  }

  @Get('providers/:providerId/events')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'The provider’s events of a month (incomplete=true: the automatic ones to confirm)' })
  providerEvents(@Param('providerId') providerId: string, @Query() query: MonthQuery) {
    return this.records.providerEvents(providerId, query.month, query.incomplete === 'true');
  }

  @Post('providers/:providerId/events/confirm')
  @MayDo('provider-service.record')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Confirm the month’s incomplete events (the automatic ones by the 2nd of the next month)' })
  confirm(@Param('providerId') providerId: string, @Body() dto: ConfirmMonthDto, @CurrentUser() user: AccessClaims) {
    return this.records.confirmMonth(providerId, dto.month, user.sub);
  }

  @Post('vouchers/:id/interruptions')
  @MayDo('provider-service.record')
  @Scope.resource('voucher')
  @ApiOperation({ summary: 'Record an interruption (hospital, holiday, other) of a continuing daily service; complete it with its end date to have it settled' })
  recordInterruption(@Param('id') voucherId: string, @Body() dto: RecordInterruptionDto, @CurrentUser() user: AccessClaims) {
    return this.records.recordInterruption(voucherId, dto, user.sub);
  }

  @Get('vouchers/:id/interruptions')
  @MayDo('voucher-data.read')
  @Scope.resource('voucher')
  voucherInterruptions(@Param('id') voucherId: string) {
    return this.records.voucherInterruptions(voucherId);
  }

  @Get('interruptions/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('interruption')
  interruption(@Param('id') id: string) {
    return this.records.interruption(id);
  }

  @Post('interruptions/:id/end')
  @MayDo('provider-service.record')
  @Scope.resource('interruption')
  @ApiOperation({ summary: 'Give the end date (the return day, or the day a client who never returns was known gone) and complete' })
  end(@Param('id') id: string, @Body() dto: EndInterruptionDto, @CurrentUser() user: AccessClaims) {
    return this.records.endInterruption(id, dto, user.sub);
  }

  @Delete('interruptions/:id')
  @HttpCode(204)
  @MayDo('provider-service.record')
  @Scope.resource('interruption')
  async removeInterruption(@Param('id') id: string, @CurrentUser() user: AccessClaims) {
    await this.records.deleteInterruption(id, user.sub);
  }

  @Get('vouchers/:id/own-share')
  @MayDo('voucher-data.read')
  @Scope.resource('voucher')
  @ApiOperation({ summary: 'The client’s own share (price − voucher value) of the events ending in the period; events awaiting approval are marked' })
  ownShare(@Param('id') voucherId: string, @Query() query: PeriodQuery) {
    return this.records.ownShare(voucherId, query.from, query.to);
  }

  @Get('vouchers/:id/own-share.pdf')
  @MayDo('voucher-data.read')
  @Scope.resource('voucher')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The printable own-share specification for the client (omavastuuerittely)' })
  async ownSharePdf(@Param('id') voucherId: string, @Query() query: PeriodQuery) {
    return new StreamableFile(await this.records.ownSharePdf(voucherId, query.from, query.to), { type: 'application/pdf', disposition: 'inline; filename="omavastuuerittely.pdf"' });
  }
}
