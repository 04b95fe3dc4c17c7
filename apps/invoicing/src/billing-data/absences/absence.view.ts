import { ApiProperty } from '@nestjs/swagger';
import { ABSENCE_KINDS } from '@clientfees/domain';
import type { Absence } from './absence.queries';

export class AbsenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: ABSENCE_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) notifiedOn!: string | null;
  @ApiProperty() firstDay!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: open-ended.' }) lastDay!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Open-ended: the day the unit manager checks it again.' }) watchOn!: string | null;
  @ApiProperty() registeredBy!: string;
  @ApiProperty() createdAt!: string;

  static of(absence: Absence): AbsenceView {
    return {
      id: absence.id,
      clientId: absence.clientId,
      kind: absence.kind,
      notifiedOn: absence.notifiedOn,
      firstDay: absence.firstDay,
      lastDay: absence.lastDay,
      reason: absence.reason,
      watchOn: absence.watchOn,
      registeredBy: absence.registeredBy,
      createdAt: absence.createdAt.toISOString(),
    };
  }
}

export class OpenAbsenceView {
  @ApiProperty({ format: 'uuid' }) absenceId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ABSENCE_KINDS }) kind!: string;
  @ApiProperty() firstDay!: string;
  @ApiProperty({ description: 'Days from the first day to today, both counted (0 when it starts in the future).' }) daysOpen!: number;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) watchOn!: string | null;
}
