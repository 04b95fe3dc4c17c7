import 'reflect-metadata';
import { runServiceFromCommandLine } from '@clientfees/platform';
import { CollectionModule } from './collection.module';

runServiceFromCommandLine('collection', () => CollectionModule.register());
