import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { IncomeVerificationModule } from './income-verification.module';

runServiceFromCommandLine('income-verification', () => IncomeVerificationModule.register());
