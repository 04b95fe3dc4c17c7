import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { DeferralsController } from './deferrals.controller';
import { DeferralsService } from './deferrals.service';

/** Deferrals of due dates and the billing supervisor's approval inbox. */
@Module({
  imports: [InvoicesModule],
  controllers: [DeferralsController],
  providers: [DeferralsService],
  exports: [DeferralsService],
})
export class DeferralsModule {}
