import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import type { DebtRestructuring, RestructuringEvent } from './debt-restructuring.queries';

export class RecordRestructuringDto {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiProperty({ example: '3f1c7a52-2d55-4c83-9a4e-7f7b6c1e9a10' }) @IsUUID() clientId!: string;
  @ApiProperty({ example: 'Espoon KO 2026/1234', description: 'The court’s (FI käräjäoikeus) or the enforcement authority’s (SE Kronofogden) decision.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  decisionReference!: string;
  @ApiProperty({ example: '2026-03-02' }) @IsLocalDate() decidedOn!: string;
  @ApiProperty({ example: '2026-04-01', description: 'The remainder is written off five calendar years after this day.' })
  @IsLocalDate()
  effectiveOn!: string;
  @ApiProperty({ type: [String], description: 'The invoices the decision covers.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  invoiceIds!: string[];
  @ApiProperty({ example: 'payment programme 60 months; informed by the debt adviser 4.3.2026' }) @IsString() @MaxLength(2000) note!: string;
}

export class DebtRestructuringView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() decisionReference!: string;
  @ApiProperty({ example: '2026-03-02' }) decidedOn!: string;
  @ApiProperty({ example: '2026-04-01' }) effectiveOn!: string;
  @ApiProperty({ example: '2031-04-01', description: 'Five calendar years after the decision takes effect (seed 004).' }) writeOffOn!: string;
  @ApiProperty({ type: [String] }) invoiceIds!: string[];
  @ApiProperty() note!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ enum: ['pausing-collection', 'in-force', 'write-off-proposed', 'closed'] }) state!: string;
  @ApiProperty({ nullable: true }) proposalId!: string | null;

  static of(restructuring: DebtRestructuring): DebtRestructuringView {
    return { ...restructuring };
  }
}

class RestructuringEventView {
  @ApiProperty({ example: 'collection-paused' }) kind!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty() occurredAt!: string;
}

export class DebtRestructuringDetailsView extends DebtRestructuringView {
  @ApiProperty({ type: [RestructuringEventView] }) events!: RestructuringEvent[];
}
