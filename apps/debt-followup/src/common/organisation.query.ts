import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class OrganisationQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;
}
