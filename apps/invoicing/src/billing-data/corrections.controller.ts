import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CorrectionItem, correctionPermission, DomainValidationError } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, formatCents, loadClient, parseCents, READ_ROLES, UNIT_AND_BILLING_TEAM } from './billing-data.common';
import { firstDayOfPeriod as periodFirstDay, lastDayOfPeriod as periodLastDay, periodOf } from '@clientfees/domain';
import { PERIOD_PATTERN, todayIn } from './billing-period';
import { correctionRoleOf } from './correction-permission';

export class CreateCorrectionDto {
  @ApiProperty({ example: '2027-01', description: 'The billing period the correction concerns (never changed afterwards). Billed on the next invoice.' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a month YYYY-MM' })
  period!: string;

  @ApiProperty({ example: '-12.40', description: 'Signed, non-zero: a deduction is negative.' })
  @IsString()
  @Matches(/^-?\d{1,9}(\.\d{1,2})?$/, { message: 'amount must be a signed decimal amount with at most two decimals, e.g. "-12.40"' })
  amount!: string;

  @ApiProperty({ example: 'Food basket 12.1. not delivered', description: 'The invoice text.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text!: string;

  @ApiPropertyOptional({ example: 'FOOD-BASKET', description: 'The price-list item corrected; unit staff must name a piece-priced item.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'itemCode must be 1-32 letters, digits, dots, dashes or underscores' })
  itemCode?: string;
}

interface CorrectionRow {
  id: string;
  client_id: string;
  period: string;
  amount_cents: number;
  text: string;
  item_code: string | null;
  made_by: string;
  made_by_role: string;
  billed_invoice_id: string | null;
  created_at: Date;
}

export class CorrectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: '2027-01' }) period!: string;
  @ApiProperty({ example: '-12.40' }) amount!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) itemCode!: string | null;
  @ApiProperty() madeBy!: string;
  @ApiProperty() madeByRole!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The invoice that carried it; a billed correction is never deleted.' })
  billedInvoiceId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(row: CorrectionRow): CorrectionView {
    return {
      id: row.id,
      clientId: row.client_id,
      period: row.period,
      amount: formatCents(row.amount_cents),
      text: row.text,
      itemCode: row.item_code,
      madeBy: row.made_by,
      madeByRole: row.made_by_role,
      billedInvoiceId: row.billed_invoice_id,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** Fee corrections (maksukorjaus / avgiftskorrigering): a signed amount with its invoice text. */
@ApiTags('billing-data')
@Controller()
export class CorrectionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('clients/:id/corrections')
  @HttpCode(201)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a fee correction, billed on the client’s next invoice.',
    description:
      'Unit staff (unit-manager) may correct piece-priced items that cannot affect a maximum fee only; anything else is the billing team’s (client-fee-officer, billing-supervisor): 403 with the reason.',
  })
  @ApiCreatedResponse({ type: CorrectionView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateCorrectionDto, @CurrentUser() user: AccessClaims): Promise<CorrectionView> {
    const role = correctionRoleOf(user.roles);
    if (role === null) throw new ForbiddenException(`requires one of the roles: ${UNIT_AND_BILLING_TEAM.join(', ')}`);
    const { client, organisation } = await loadClient(this.dataSource, clientId);
    const amountCents = parseCents(body.amount, organisation.currency, 'amount');
    if (amountCents === 0) throw new DomainValidationError('must not be zero', 'amount');
    const current = periodOf(todayIn(organisation.time_zone));
    if (body.period > current) throw new DomainValidationError(`must not be after the current period (${current})`, 'period');

    let item: CorrectionItem | null = null;
    if (body.itemCode !== undefined) {
      // The item's price in the corrected period (the latest, if it changed during the month).
      const [row] = (await this.dataSource.query(
        `SELECT code, piece_priced, affects_maximum_fee FROM price_list_item
         WHERE organisation_id = $1 AND code = $2 AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $3)
         ORDER BY valid_from DESC LIMIT 1`,
        [client.organisation_id, body.itemCode, periodFirstDay(body.period), periodLastDay(body.period)],
      )) as Array<{ code: string; piece_priced: boolean; affects_maximum_fee: boolean }>;
      if (!row) throw new DomainValidationError(`is not in the price list in ${body.period}`, 'itemCode');
      item = { code: row.code, piecePriced: row.piece_priced, affectsMaximumFee: row.affects_maximum_fee };
    }
    const permission = correctionPermission(role, item);
    if (!permission.allowed) throw new ForbiddenException({ statusCode: 403, message: permission.reason, problems: [{ field: 'itemCode', reason: permission.reason }] });

    const id = randomUUID();
    await this.dataSource.query(
      'INSERT INTO correction (id, client_id, period, amount_cents, text, item_code, made_by, made_by_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, clientId, body.period, amountCents, body.text, body.itemCode ?? null, user.sub, role],
    );
    return this.one(id);
  }

  @Get('clients/:id/corrections')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s corrections, billed and unbilled, by period.' })
  @ApiOkResponse({ type: [CorrectionView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<CorrectionView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: CorrectionRow[] = await this.dataSource.query('SELECT * FROM correction WHERE client_id = $1 ORDER BY period, created_at', [clientId]);
    return rows.map((row) => CorrectionView.of(row));
  }

  @Delete('corrections/:id')
  @HttpCode(204)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Deletes an unbilled correction; a billed one, or one in the calculation of a run not yet completed, is not deleted (409).' })
  @ApiNoContentResponse()
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const [row] = (await db.query('SELECT billed_invoice_id FROM correction WHERE id = $1 FOR UPDATE', [id])) as Array<{ billed_invoice_id: string | null }>;
      if (!row) throw new NotFoundException(`no correction ${id}`);
      if (row.billed_invoice_id !== null) {
        throw conflict(`the correction was billed on invoice ${row.billed_invoice_id} and is never deleted; make a new correction instead`, 'id', 'already billed');
      }
      // A run being decided or invoiced bills what it calculated: the correction stays until then.
      const [run] = (await db.query(
        `SELECT r.id, r.state FROM billing_run_client c JOIN billing_run r ON r.id = c.run_id
          WHERE $1 = ANY(c.correction_ids) AND r.state NOT IN ('completed', 'cancelled') LIMIT 1`,
        [id],
      )) as Array<{ id: string; state: string }>;
      if (run) {
        throw conflict(`the correction is in the calculation of billing run ${run.id} (${run.state}); delete it after that run, or cancel the run`, 'id', 'in a running billing run');
      }
      await db.query('DELETE FROM correction WHERE id = $1', [id]);
    });
  }

  private async one(id: string): Promise<CorrectionView> {
    const [row] = (await this.dataSource.query('SELECT * FROM correction WHERE id = $1', [id])) as CorrectionRow[];
    return CorrectionView.of(row);
  }
}
