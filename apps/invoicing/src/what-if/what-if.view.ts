import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money, whatIfSummary, WhatIfOrganisationSummary, Currency } from '@clientfees/domain';
import type { WhatIfClientRow, WhatIfRun } from './what-if-run.queries';

export class WhatIfRunView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: ['fi-demo'] }) organisationIds!: string[];
  @ApiProperty({ enum: ['running', 'completed', 'failed', 'approved'] }) state!: string;
  @ApiProperty({ example: '2027-01', description: 'The month compared: the draft’s first month.' }) period!: string;
  @ApiProperty({ example: '2026-12-02', description: '“Today’s rules” are the rows in force on this day.' }) rulesOf!: string;
  @ApiProperty({ description: 'The draft as checked: validFrom and its rows.' }) draft!: unknown;
  @ApiProperty({ description: 'Active clients: those with a decided service this month who have not died.' }) population!: number;
  @ApiProperty() batches!: number;
  @ApiProperty() draftedBy!: string;
  @ApiProperty() draftedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Who turned the draft into dated rule rows, when, and why.' })
  approval!: { approvedBy: string; approvedAt: string; grounds: string } | null;
  @ApiProperty({
    description: 'Per organisation: who pays more, less or the same, who starts or stops paying, who reaches or leaves the maximum; revenue a month and a year, in total and per service.',
    example: [
      {
        organisationId: 'fi-demo',
        currency: 'EUR',
        clients: 80000,
        compared: 79990,
        notCompared: 10,
        paysMore: 0,
        paysLess: 61234,
        paysTheSame: 18756,
        startsPaying: 0,
        stopsPaying: 412,
        reachesMaximum: 0,
        leavesMaximum: 35,
        monthlyRevenue: { today: '9876543.21', draft: '9712345.67', change: '-164197.54' },
        yearlyRevenue: { today: '118518518.52', draft: '116548148.04', change: '-1970370.48' },
        services: [{ serviceCode: 'HOME', clients: 70000, monthlyRevenue: { today: '…', draft: '…', change: '…' }, yearlyRevenue: { today: '…', draft: '…', change: '…' } }],
      },
    ],
  })
  summary!: WhatIfOrganisationSummary[];

  static of(run: WhatIfRun): WhatIfRunView {
    return {
      id: run.id,
      organisationIds: run.organisationIds,
      state: run.state,
      period: run.period,
      rulesOf: run.rulesOf,
      draft: run.draft,
      population: run.population,
      batches: run.batches,
      draftedBy: run.draftedBy,
      draftedAt: run.draftedAt.toISOString(),
      completedAt: run.completedAt?.toISOString() ?? null,
      error: run.error,
      approval: run.approvedBy === null ? null : { approvedBy: run.approvedBy, approvedAt: run.approvedAt!.toISOString(), grounds: run.approvalGrounds! },
      summary: run.tallies === null ? [] : whatIfSummary(run.tallies),
    };
  }
}

export class WhatIfClientView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ description: 'The organisation’s client number; never an identity code.' }) clientNumber!: string;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: string;
  @ApiProperty({ enum: ['compared', 'not-compared'] }) status!: string;
  @ApiPropertyOptional({ example: '455.70', nullable: true, type: String, description: 'The month’s fee under today’s rules.' }) today!: string | null;
  @ApiPropertyOptional({ example: '443.45', nullable: true, type: String, description: 'The month’s fee under the draft.' }) draft!: string | null;
  @ApiPropertyOptional({ example: '-12.25', nullable: true, type: String }) change!: string | null;
  @ApiPropertyOptional({ enum: ['more', 'less', 'same'], nullable: true }) direction!: string | null;
  @ApiPropertyOptional({ enum: ['starts-paying', 'stops-paying'], nullable: true }) crossesZero!: string | null;
  @ApiPropertyOptional({ enum: ['reaches-maximum', 'leaves-maximum'], nullable: true }) crossesMaximum!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) todayAtMaximum!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) draftAtMaximum!: boolean | null;
  @ApiPropertyOptional({ nullable: true, example: { HOME: '455.70' }, description: 'Per decided service; the SE maxtaxa cap as maxtaxa-cap.' }) todayByService!: Record<string, string> | null;
  @ApiPropertyOptional({ nullable: true, example: { HOME: '443.45' } }) draftByService!: Record<string, string> | null;
  @ApiProperty({ type: [String], description: 'Why the client could not be compared (the billing calculation’s errors).' }) problems!: string[];

  static of(row: WhatIfClientRow): WhatIfClientView {
    const currency = (row.currency ?? 'EUR') as Currency;
    const money = (cents: number | null) => (cents === null ? null : Money.ofMinor(cents, currency).toDecimalString());
    return {
      clientId: row.client_id,
      organisationId: row.organisation_id,
      clientNumber: row.client_number ?? '',
      currency,
      status: row.status ?? 'not-compared',
      today: money(row.today_cents),
      draft: money(row.draft_cents),
      change: money(row.change_cents),
      direction: row.direction,
      crossesZero: row.crosses_zero,
      crossesMaximum: row.crosses_maximum,
      todayAtMaximum: row.today_at_maximum,
      draftAtMaximum: row.draft_at_maximum,
      todayByService: row.today_by_service,
      draftByService: row.draft_by_service,
      problems: row.problems ?? [],
    };
  }
}
