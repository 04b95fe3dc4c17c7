import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DecidedServicesAnswer, DecidedServicesRequest, InvoicingMessages } from '@clientfees/contracts';
import { MessageFrom } from '@clientfees/platform';
import { ClientOfOrganisationMessage } from '../clients/client-of-organisation.message';
import { DecidedServicesService } from './decided-services.service';

/** `invoicing.client.decided-services`: whose, by invoicing's client id and the organisation it must belong to. */
export class DecidedServicesMessage extends ClientOfOrganisationMessage implements DecidedServicesRequest {}

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
