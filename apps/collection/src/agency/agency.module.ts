import { DynamicModule, Global, Module } from '@nestjs/common';
import { AGENCY_TRANSPORT, AgencyClient, AgencyTransport } from './agency-client';

/** The collection agency's API, over the transport the service was configured with. */
@Global()
@Module({})
export class AgencyModule {
  static register(transport: AgencyTransport): DynamicModule {
    return { module: AgencyModule, providers: [{ provide: AGENCY_TRANSPORT, useValue: transport }, AgencyClient], exports: [AgencyClient] };
  }
}
