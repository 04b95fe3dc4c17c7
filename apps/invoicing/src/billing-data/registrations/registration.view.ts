import { ApiProperty } from '@nestjs/swagger';
import type { Registration } from './registration.queries';

export class RegistrationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: '2027-01' }) period!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty() performedOn!: string;
  @ApiProperty({ example: '1.50' }) quantity!: string;
  @ApiProperty() registeredBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(registration: Registration): RegistrationView {
    return { ...registration, createdAt: registration.createdAt.toISOString(), updatedAt: registration.updatedAt.toISOString() };
  }
}
