import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { InvoicingModule } from './invoicing.module';

runServiceFromCommandLine('invoicing', () => InvoicingModule.register());
