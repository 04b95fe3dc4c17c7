import { DynamicModule, Global, Module } from '@nestjs/common';
import { REFERENCE_RATE_SOURCE, ReferenceRateSource } from './reference-rate-source';

/** Where reminders read the reference rates: the invoicing service's rule tables (or a test's source). */
@Global()
@Module({})
export class ReferenceRatesModule {
  static register(source: ReferenceRateSource): DynamicModule {
    return { module: ReferenceRatesModule, providers: [{ provide: REFERENCE_RATE_SOURCE, useValue: source }], exports: [REFERENCE_RATE_SOURCE] };
  }
}
