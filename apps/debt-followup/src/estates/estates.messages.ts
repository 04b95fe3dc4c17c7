import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENCY_ESTATE_STEPS, AgencyEstateStep, AgencyEstateStepOutcome, CollectionDebtMessages } from '@clientfees/contracts';
import { IsLocalDate, MessageFrom } from '@clientfees/platform';
import { EstatesService } from './estates.service';

class AgencyEstateStepBody {
  @IsString() @IsNotEmpty() @MaxLength(100) organisationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) clientNumber!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) reportId!: string;
  @IsUUID() invoiceId!: string;
  @IsIn(AGENCY_ESTATE_STEPS) step!: AgencyEstateStep;
  @IsLocalDate() reportedOn!: string;
}

/** Collection's messages to debt follow-up (ADR 0013): the agency's steps against an estate. */
@Controller()
export class EstatesMessagesController {
  constructor(private readonly estates: EstatesService) {}

  @MessagePattern(CollectionDebtMessages.agencyEstateStep)
  @MessageFrom('collection')
  async agencyEstateStep(@Payload('body') message: AgencyEstateStepBody): Promise<{ outcome: AgencyEstateStepOutcome }> {
    return { outcome: await this.estates.agencyStep(message) };
  }
}
