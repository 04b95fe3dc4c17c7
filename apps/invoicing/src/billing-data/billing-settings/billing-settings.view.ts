import { ApiProperty } from '@nestjs/swagger';
import { RECIPIENT_KINDS } from '../../invoices/invoice-recipient';
import type { BillingSettingVersion } from './billing-setting.queries';
import { FEE_CALCULATION_TYPES } from './billing-settings.dto';

class AddressView {
  @ApiProperty() streetAddress!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
}

class RecipientView {
  @ApiProperty({ enum: RECIPIENT_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: AddressView }) address!: AddressView | null;
}

export class BillingSettingsView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() debitingArea!: string;
  @ApiProperty({ enum: FEE_CALCULATION_TYPES }) feeCalculationType!: string;
  @ApiProperty() acceptsMaximumFee!: boolean;
  @ApiProperty({ nullable: true, type: String }) parishCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountString!: string | null;
  @ApiProperty({ type: RecipientView }) recipient!: RecipientView;
  @ApiProperty({ nullable: true, type: AddressView, description: 'None while the client’s address is protected by a security ban.' }) residenceAddress!: AddressView | null;
  @ApiProperty({
    description:
      'A security ban (turvakielto / skyddad identitet) reported by the population register: invoicing holds no address for the client, and while the latest version is protected no version shows one.',
  })
  addressProtected!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(version: BillingSettingVersion): BillingSettingsView {
    return {
      id: version.id,
      clientId: version.clientId,
      validFrom: version.validFrom,
      validTo: version.validTo,
      ...version.settings,
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
    };
  }
}
