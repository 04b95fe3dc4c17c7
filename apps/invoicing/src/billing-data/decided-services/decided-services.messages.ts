import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DecidedServicesAnswer, DecidedServicesRequest, InvoicingMessages } from '@clientfees/contracts';
import { MessageFrom } from '@clientfees/platform';
import { DecidedServicesService } from './decided-services.service';

/** `invoicing.client.decided-services`: whose, by invoicing's client id and the organisation it must belong to. */
export class DecidedServicesMessage implements DecidedServicesRequest {
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  /** Income verification's client ids are invoicing's; any other text is a client invoicing does not know. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clientId!: string;
}

/** A client's decided services for the service an income review's fee decision is for (ADR 0013; income verification only). */
@Controller()
export class DecidedServicesMessagesController {
  constructor(private readonly services: DecidedServicesService) {}

  @MessagePattern(InvoicingMessages.decidedServices)
  @MessageFrom('income-verification')
  decidedServices(@Payload('body') request: DecidedServicesMessage): Promise<DecidedServicesAnswer> {
    return this.services.forIncomeReview(request);
  }
}
