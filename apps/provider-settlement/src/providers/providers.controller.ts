import { Body, Controller, Get, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, RawBody, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { ATTACHMENT_BODY, ATTACHMENT_LIMIT_BYTES, ATTACHMENT_TYPES, readAttachmentBody } from './attachment-body';
import { AttachmentQuery, BankAccountDto, ContactDto, CreateProviderDto, UnitDto } from './provider.dto';
import { ProvidersService } from './providers.service';
import { OrganisationQuery } from '../organisations/organisation.dto';

/** Every route of one provider names it in the path: a provider user reaches only its own (404 otherwise). */
@ApiTags('providers')
@Controller()
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post('providers')
  @MayDo('provider.register')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Register a provider (company): a provider user registers the provider its token names' })
  create(@Body() dto: CreateProviderDto, @CurrentUser() user: AccessClaims) {
    return this.providers.create(dto, user);
  }

  @Get('providers')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  list(@Query() query: OrganisationQuery, @CurrentUser() user: AccessClaims) {
    return this.providers.list(query.organisationId, providerFilter(user));
  }

  @Get('providers/:providerId')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  view(@Param('providerId') providerId: string) {
    return this.providers.view(providerId);
  }

  @Post('providers/:providerId/units')
  @MayDo('provider.maintain')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Add a unit (toimipaikka): price lists, reservations and events name it' })
  addUnit(@Param('providerId') providerId: string, @Body() dto: UnitDto) {
    return this.providers.addUnit(providerId, dto);
  }

  @Post('providers/:providerId/contacts')
  @MayDo('provider.maintain')
  @Scope.resource('provider', 'providerId')
  addContact(@Param('providerId') providerId: string, @Body() dto: ContactDto) {
    return this.providers.addContact(providerId, dto);
  }

  @Put('providers/:providerId/bank-account')
  @MayDo('provider.maintain')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Give or change the bank account (IBAN and BIC); a provider without one is paid in the next settlement after it is given' })
  setBankAccount(@Param('providerId') providerId: string, @Body() dto: BankAccountDto, @CurrentUser() user: AccessClaims) {
    return this.providers.setBankAccount(providerId, dto, user.sub);
  }

  @Post('providers/:providerId/attachments')
  @MayDo('provider.apply')
  @Scope.resource('provider', 'providerId')
  @RawBody(ATTACHMENT_BODY)
  @ApiOperation({ summary: `Upload an attachment: the file itself as the body (${ATTACHMENT_TYPES.join(', ')}, at most ${ATTACHMENT_LIMIT_BYTES / 1024 / 1024} MiB); stored with its SHA-256` })
  @ApiConsumes(...ATTACHMENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async upload(@Param('providerId') providerId: string, @Query() query: AttachmentQuery, @Req() request: Request, @CurrentUser() user: AccessClaims) {
    return this.providers.upload(providerId, query, readAttachmentBody(request), user.sub);
  }

  @Get('providers/:providerId/attachments')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  attachments(@Param('providerId') providerId: string) {
    return this.providers.attachments(providerId);
  }

  @Get('attachments/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('attachment')
  @ApiOperation({ summary: 'The file, with its content type and checksum (X-Content-SHA256); never served to another provider' })
  async download(@Param('id') id: string) {
    const { meta, content } = await this.providers.attachment(id);
    return new StreamableFile(content, { type: meta.contentType, disposition: `attachment; filename="${encodeURIComponent(meta.fileName)}"`, length: meta.sizeBytes });
  }
}
