import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { VouchersController } from './vouchers.controller';
import { VouchersService } from './vouchers.service';

@Module({ controllers: [VouchersController], providers: [VouchersService], exports: [VouchersService] })
export class VouchersModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly vouchers: VouchersService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('voucher', byUuid((id) => this.vouchers.ownerOf(id)));
  }
}
