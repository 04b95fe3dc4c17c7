import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { AGENCY_ESTATE_STEPS, type AgencyEstateStepOutcome, type AgencyReportStatus } from '@clientfees/contracts';

export const AGENCY_REPORT_STATUSES: readonly AgencyReportStatus[] = ['paid', 'payment-plan', 'returned', ...AGENCY_ESTATE_STEPS];

/** The agency's status report (docs/agency-format.md, "Status callbacks"). */
export class AgencyReportDto {
  @ApiProperty({ example: '0b6c5f0e-3d4b-4c55-9a7e-1f2d3c4b5a69', description: 'The agency’s id for this report; a repeat is stored once.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reportId!: string;

  @ApiProperty({ example: 'AG-3F2A9C1B7D40' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseId!: string;

  @ApiProperty({ description: 'The creditor’s invoice id, as sent with the reminder.' })
  @IsUUID()
  invoiceId!: string;

  @ApiProperty({
    enum: AGENCY_REPORT_STATUSES,
    description:
      'A case status (`paid`, `payment-plan`, `returned`: to the invoice’s lifecycle) or a step against a deceased client’s estate ' +
      '(`demand-to-shareholders`, `second-demand-personal-liability` — the second demand warning of the shareholders’ personal liability —, ' +
      '`payment-order-applied`: to debt follow-up’s estate case; the agency case’s status does not change).',
  })
  @IsIn(AGENCY_REPORT_STATUSES)
  status!: AgencyReportStatus;

  @ApiPropertyOptional({ example: 10000, description: 'For `paid`: what the agency collected of the principal, in cents.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountCents?: number;

  @ApiProperty({ example: '2024-05-02' })
  @IsString()
  @IsLocalDate()
  reportedOn!: string;
}

export class AgencyReportReceipt {
  @ApiProperty() reportId!: string;
  @ApiProperty({ description: 'True when this reportId had been received before; nothing was stored again.' }) duplicate!: boolean;
  @ApiProperty({
    enum: ['signalled', 'workflow-not-running', 'pending'],
    description:
      'Whether the invoice’s lifecycle was told: `pending` means stored and to be told by the service’s outbox (no redelivery needed); ' +
      '`workflow-not-running` is recorded and answered 200 too, since retrying cannot help.',
  })
  signal!: 'signalled' | 'workflow-not-running' | 'pending';

  @ApiPropertyOptional({
    enum: ['signalled', 'no-estate-case', 'case-closed', 'pending'],
    description:
      'For an estate step: whether debt follow-up’s estate case was told (`pending`: stored, and sent again until debt follow-up answers; ' +
      '`no-estate-case` / `case-closed`: the client has no running estate case, the step is kept here). `signal` is then `workflow-not-running`: the lifecycle is not told of estate steps.',
  })
  estateCase?: AgencyEstateStepOutcome | 'pending';
}
