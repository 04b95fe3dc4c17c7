import { Module } from '@nestjs/common';
import { RuleTablesController } from './rule-tables.controller';
import { RuleTablesMessagesController } from './rule-tables.messages';
import { RuleTablesService } from './rule-tables.service';

/** The statutory rule tables, kept as dated periods by the administrator, and read by other services over TCP. */
@Module({ controllers: [RuleTablesController, RuleTablesMessagesController], providers: [RuleTablesService] })
export class RuleTablesModule {}
