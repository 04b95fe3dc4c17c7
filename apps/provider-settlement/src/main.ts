import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { ProviderSettlementModule } from './provider-settlement.module';

runServiceFromCommandLine('provider-settlement', () => ProviderSettlementModule.register());
