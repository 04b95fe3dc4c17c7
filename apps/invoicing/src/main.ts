import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { InvoicingModule } from './invoicing.module';

runServiceFromCommandLine(() => InvoicingModule.register());
