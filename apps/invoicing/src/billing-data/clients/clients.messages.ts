import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ClientIdentity, ClientIdentityRequest, InvoicingMessages } from '@clientfees/contracts';
import { MessageFrom } from '@clientfees/platform';
import { ClientOfOrganisationMessage } from './client-of-organisation.message';
import { ClientsService } from './clients.service';

/** `invoicing.client.identity`: whose code, by invoicing's client id and the organisation it must belong to. */
export class ClientIdentityMessage extends ClientOfOrganisationMessage implements ClientIdentityRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  purpose!: string;
}

/**
 * A client's identity code for income verification's income reviews (ADR 0013): signed with the
 * shared key as income verification's, and refused to every other service (403) — nobody else
 * needs the code in full. Each code answered is an entry of the access log (`GET /audit-log`,
 * personal data identity-code, with the purpose the message gives); the code is never logged.
 */
@Controller()
export class ClientsMessagesController {
  constructor(private readonly clients: ClientsService) {}

  @MessagePattern(InvoicingMessages.clientIdentity)
  @MessageFrom('income-verification')
  identity(@Payload('body') request: ClientIdentityMessage): Promise<ClientIdentity> {
    return this.clients.identityOf(request);
  }
}
