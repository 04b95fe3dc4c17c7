import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { AuditRead, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { IncomeView } from './income.view';
import { CreateIncomeDto } from './incomes.dto';
import { IncomesService } from './incomes.service';

/** The income a client's fee rests on, dated; a new income ends the open one. */
@ApiTags('billing-data')
@Controller('clients/:id/incomes')
export class IncomesController {
  constructor(private readonly incomes: IncomesService) {}

  @Post()
  @HttpCode(201)
  @MayDo('income.record')
  @Scope.resource('client')
  @ApiOperation({ summary: 'Records the client’s income from validFrom; the open income ends the day before.' })
  @ApiCreatedResponse({ type: IncomeView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateIncomeDto, @CurrentUser() user: AccessClaims): Promise<IncomeView> {
    return IncomeView.of(await this.incomes.create(clientId, body, user.sub));
  }

  @Get()
  @MayDo('income.read')
  @AuditRead('income')
  @Scope.resource('client')
  @ApiOperation({ summary: 'Every income of the client, oldest first.' })
  @ApiOkResponse({ type: [IncomeView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<IncomeView[]> {
    return (await this.incomes.history(clientId)).map((record) => IncomeView.of(record));
  }
}
