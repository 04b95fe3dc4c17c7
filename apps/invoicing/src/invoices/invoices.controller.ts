import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { InvoicesService } from './invoices.service';
import { CreateInvoiceDto, ListInvoicesQuery } from './invoices.dto';
import { InvoiceView } from './invoice.view';

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Post()
  @HttpCode(201)
  @Roles('finance-centre', 'client-fee-officer')
  @ApiOperation({
    summary: 'Issues an invoice and starts its lifecycle workflow.',
    description: 'The workflow sets the due date from the organisation’s payment terms (invoice date + 14 days + 3 banking days by default).',
  })
  @ApiCreatedResponse({ type: InvoiceView })
  async create(@Body() body: CreateInvoiceDto, @CurrentUser() user: AccessClaims): Promise<InvoiceView> {
    return InvoiceView.of(await this.invoices.create(body, user.sub));
  }

  @Get()
  @Roles('finance-centre', 'client-fee-officer', 'billing-supervisor', 'result-area-director', 'caseworker')
  @ApiOperation({ summary: 'Invoices of an organisation, newest first, optionally in one state.' })
  @ApiOkResponse({ type: [InvoiceView] })
  async list(@Query() query: ListInvoicesQuery): Promise<InvoiceView[]> {
    return (await this.invoices.list(query)).map((invoice) => InvoiceView.of(invoice));
  }

  @Get(':id')
  @Roles('finance-centre', 'client-fee-officer', 'billing-supervisor', 'result-area-director', 'caseworker')
  @ApiOperation({ summary: 'One invoice with its rows and its timeline of state changes.' })
  @ApiOkResponse({ type: InvoiceView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<InvoiceView> {
    return InvoiceView.of(await this.invoices.get(id));
  }
}
