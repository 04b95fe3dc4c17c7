import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { DebtFollowupModule } from './debt-followup.module';

runServiceFromCommandLine('debt-followup', () => DebtFollowupModule.register());
