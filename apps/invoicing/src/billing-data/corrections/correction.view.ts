import { ApiProperty } from '@nestjs/swagger';
import { type Correction, correctionAmount } from './correction.queries';

export class CorrectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: '2027-01' }) period!: string;
  @ApiProperty({ example: '-12.40' }) amount!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) itemCode!: string | null;
  @ApiProperty() madeBy!: string;
  @ApiProperty() madeByRole!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The invoice that carried it; a billed correction is never deleted.' })
  billedInvoiceId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(correction: Correction): CorrectionView {
    return {
      id: correction.id,
      clientId: correction.clientId,
      period: correction.period,
      amount: correctionAmount(correction),
      text: correction.text,
      itemCode: correction.itemCode,
      madeBy: correction.madeBy,
      madeByRole: correction.madeByRole,
      billedInvoiceId: correction.billedInvoiceId,
      createdAt: correction.createdAt.toISOString(),
    };
  }
}
