import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A message about one client: invoicing's client id and the organisation it must belong to. */
export class ClientOfOrganisationMessage {
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  /** Income verification's client ids are invoicing's; any other text is a client invoicing does not know. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clientId!: string;
}
