import { DynamicModule, Global, Module } from '@nestjs/common';
import { AGENCY_TRANSPORT, AgencyClient, AgencyTransport } from './agency-client';
import { INVOICE_RECIPIENTS, InvoiceRecipients } from './invoice-recipients';

/** The collection agency's API, over the transport the service was configured with, and where the debtor it is told of comes from. */
@Global()
@Module({})
export class AgencyModule {
  static register(transport: AgencyTransport, recipients: InvoiceRecipients): DynamicModule {
    return {
      module: AgencyModule,
      providers: [{ provide: AGENCY_TRANSPORT, useValue: transport }, { provide: INVOICE_RECIPIENTS, useValue: recipients }, AgencyClient],
      exports: [AgencyClient, INVOICE_RECIPIENTS],
    };
  }
}
