import { ApiProperty } from '@nestjs/swagger';
import { maskIdentityCode } from '@clientfees/domain';
import type { Client } from './client.queries';

export class ClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ example: '131052-****', description: 'The identity code with its individual number and check character hidden.' })
  maskedIdentityCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) dateOfDeath!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) spouseClientId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(client: Client): ClientView {
    return {
      id: client.id,
      organisationId: client.organisationId,
      clientNumber: client.clientNumber,
      maskedIdentityCode: maskIdentityCode(client.identityCode),
      name: client.name,
      dateOfDeath: client.dateOfDeath,
      spouseClientId: client.spouseClientId,
      createdAt: client.createdAt.toISOString(),
    };
  }
}
