import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { INBOX_KINDS, InboxItem, InboxKind } from './inbox.queries';

export class InboxQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ default: true, description: 'Only items not yet marked done.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ enum: INBOX_KINDS })
  @IsOptional()
  @IsIn(INBOX_KINDS)
  kind?: InboxKind;
}

export class InboxItemView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: INBOX_KINDS, example: 'escalation' }) kind!: InboxKind;
  @ApiProperty({ example: 'The debts of client C-2003 cover three months of claims (2026-11-30)' }) subject!: string;
  @ApiProperty({ example: 'deputy-head-of-social-services' }) recipientRole!: string;
  @ApiProperty({ nullable: true }) recipientUser!: string | null;
  @ApiProperty({ nullable: true, example: 'ESPOO-NORTH' }) debitingArea!: string | null;
  @ApiProperty({
    example: { clientNumber: 'C-2003', openAmount: '412.50', months: 3 },
    description:
      'What the item is about. A `finance-notice` of a move adds `movedOn` (the day it took effect), `moveArea` (`out-of-area`, or `area-unknown` when the ' +
      'organisation’s municipalities or the change’s home municipality are not known) and `movedTo` (the home municipality, when the register gave it).',
  })
  detail!: Record<string, unknown>;
  @ApiProperty({ nullable: true }) debtCaseId!: string | null;
  @ApiProperty({ nullable: true }) estateCaseId!: string | null;
  @ApiProperty({ nullable: true }) proposalId!: string | null;
  @ApiProperty({ nullable: true }) reviewId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) doneAt!: string | null;
  @ApiProperty({ nullable: true }) doneBy!: string | null;

  static of(item: InboxItem): InboxItemView {
    const { organisationId: _organisation, ...view } = item;
    return view;
  }
}
