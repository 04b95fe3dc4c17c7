import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AGENCY_ESTATE_STEPS, ESTATE_STATES, EstateRecipient, EstateState } from '@clientfees/contracts';
import { ESTATE_CONTACT_KINDS, EstateContactKind, INVENTORY_OUTCOMES, InventoryOutcome } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';
import type { EstateCaseDetails } from './estates.service';
import type { EstateCase } from './estate-case.queries';

export class ReportDeathDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: '3f1c7a52-2d55-4c83-9a4e-7f7b6c1e9a10', description: 'The client’s id in invoicing (never an identity code).' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ example: '2026-11-14' })
  @IsLocalDate()
  dateOfDeath!: string;

  @ApiProperty({ example: 'death certificate seen by the home-care unit, 16.11.2026', description: 'Where the fact comes from.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  sourceReference!: string;
}

export class DeathRecordedView {
  @ApiProperty() estateCaseId!: string;
  @ApiProperty({ description: 'False when the same death had been reported before: nothing changed.' }) firstReport!: boolean;
}

export class EstateContactDto implements EstateRecipient {
  @ApiProperty({ enum: ESTATE_CONTACT_KINDS, example: 'shareholder', description: 'A shareholder (osakas / dödsbodelägare) or the estate administrator (pesänhoitaja / boutredningsman).' })
  @IsIn(ESTATE_CONTACT_KINDS)
  kind!: EstateContactKind;

  @ApiProperty({ example: 'Matti Testinen' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Koivukuja 3 A 5' }) @IsString() @IsNotEmpty() @MaxLength(200) streetAddress!: string;
  @ApiProperty({ example: '02100' }) @IsString() @IsNotEmpty() @MaxLength(20) postalCode!: string;
  @ApiProperty({ example: 'Espoo' }) @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiProperty({ example: 'FI' }) @IsString() @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' }) country!: string;
}

export class SetEstateContactDto {
  @ApiProperty({ type: EstateContactDto })
  @ValidateNested()
  @Type(() => EstateContactDto)
  contact!: EstateContactDto;
}

export class RecordInventoryDto {
  @ApiProperty({ enum: INVENTORY_OUTCOMES, example: 'no-assets', description: 'estate-notification: SE only, a dödsboanmälan instead of a bouppteckning.' })
  @IsIn(INVENTORY_OUTCOMES)
  outcome!: InventoryOutcome;

  @ApiProperty({ example: '2027-02-02', description: 'The day of the inventory (perunkirjoitus / bouppteckningsförrättning) or of the dödsboanmälan.' })
  @IsLocalDate()
  inventoryDate!: string;

  @ApiProperty({ example: 'perukirja 2027/114, received 9.2.2027' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  documentReference!: string;

  @ApiProperty({ example: 'no assets after the funeral costs' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

export class EstateCasesQuery {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiPropertyOptional({ enum: ESTATE_STATES }) @IsOptional() @IsIn(ESTATE_STATES) state?: EstateState;
}

class EstateEventView {
  @ApiProperty({ example: 'billing-stopped' }) kind!: string;
  @ApiProperty({ example: 'system:decedentEstate' }) actor!: string;
  @ApiProperty({ example: 'billing ends on the date of death 2026-11-14: 1 setting(s) ended' }) grounds!: string;
  @ApiProperty() detail!: Record<string, unknown>;
  @ApiProperty() occurredAt!: string;
}

class AgencyStepView {
  @ApiProperty({ enum: AGENCY_ESTATE_STEPS }) step!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty() reportedOn!: string;
  @ApiProperty() reportId!: string;
}

export class EstateCaseView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ nullable: true, example: 'C-2001' }) clientNumber!: string | null;
  @ApiProperty({ example: '2026-11-14' }) dateOfDeath!: string;
  @ApiProperty({ example: '2027-02-14', description: 'Three calendar months after the death.' }) inventoryDeadline!: string;
  @ApiProperty({ enum: ESTATE_STATES }) state!: EstateState;
  @ApiProperty({ enum: ['population-register', 'manual'] }) source!: string;
  @ApiProperty() sourceReference!: string;
  @ApiProperty() reportedBy!: string;
  @ApiProperty({ type: EstateContactDto, nullable: true }) contact!: EstateRecipient | null;
  @ApiProperty({ enum: INVENTORY_OUTCOMES, nullable: true }) inventoryOutcome!: string | null;
  @ApiProperty({ nullable: true }) inventoryDate!: string | null;
  @ApiProperty({ nullable: true }) writeOffProposalId!: string | null;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ nullable: true, description: 'The organisation’s calendar day the case closed.' }) closedOn!: string | null;

  static of(estate: EstateCase): EstateCaseView {
    return { ...estate };
  }
}

export class EstateCaseDetailsView extends EstateCaseView {
  @ApiProperty({ type: [EstateEventView], description: 'Every step with actor, time and grounds, oldest first.' }) events!: EstateEventView[];
  @ApiProperty({ type: [String], description: 'Invoices held (not sent to the deceased) until the estate’s contact is known.' }) heldInvoiceIds!: string[];
  @ApiProperty({ type: [AgencyStepView], description: 'The agency’s steps against the estate.' }) agencySteps!: AgencyStepView[];

  static details(details: EstateCaseDetails): EstateCaseDetailsView {
    return {
      ...EstateCaseView.of(details.estate),
      // The running workflow knows the state first; the case row follows with its next event.
      state: details.live?.state ?? details.estate.state,
      events: details.events,
      heldInvoiceIds: details.live?.heldInvoiceIds ?? [],
      agencySteps: details.live?.agencySteps ?? details.events.filter((event) => event.kind === 'agency-step').map((event) => event.detail as unknown as AgencyStepView),
    };
  }
}
