import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { InvoicingMessages, RegisterAddressApplied, RegisterAddressChange } from '@clientfees/contracts';
import { IsLocalDate, MessageFrom } from '@clientfees/platform';
import { BillingSettingsService } from './billing-settings.service';

class RegisterAddressMessage {
  @IsString() @IsNotEmpty() @MaxLength(140) streetAddress!: string;
  @Matches(/^\d{5}$/, { message: 'address.postalCode must be five digits' }) postalCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(80) city!: string;
}

class RegisterAddressChangeMessage implements RegisterAddressChange {
  @IsString() @IsNotEmpty() organisationId!: string;
  @IsUUID() clientId!: string;
  @IsUUID() changeId!: string;
  @IsLocalDate() effectiveDate!: string;
  /** null under a security ban, or when a ban ended and the register gave no address. */
  @ValidateIf((m: RegisterAddressChangeMessage) => m.address !== null)
  @IsDefined({ message: 'address is required (null when the register gave none)' })
  @ValidateNested()
  @Type(() => RegisterAddressMessage)
  address!: RegisterAddressMessage | null;
  @IsBoolean() protected!: boolean;
  /** The home municipality's number with the change (kotikunta); null or absent when the register did not say. */
  @IsOptional()
  @Matches(/^\d{3,4}$/, { message: 'homeMunicipality must be a municipality number (three digits, or four for a Swedish kommunkod)' })
  homeMunicipality?: string | null;
  @IsString() @IsNotEmpty() @MaxLength(200) sourceReference!: string;
}

/** Income verification's messages about a client's address (the population register's change feed). */
@Controller()
export class BillingSettingsMessagesController {
  constructor(private readonly settings: BillingSettingsService) {}

  @MessagePattern(InvoicingMessages.registerAddress)
  @MessageFrom('income-verification')
  registerAddress(@Payload('body') change: RegisterAddressChangeMessage): Promise<RegisterAddressApplied> {
    return this.settings.applyRegisterAddress(change);
  }
}
