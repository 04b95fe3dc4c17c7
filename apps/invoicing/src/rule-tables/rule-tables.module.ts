import { Module } from '@nestjs/common';
import { RuleTablesController } from './rule-tables.controller';
import { RuleTablesService } from './rule-tables.service';

/** The statutory rule tables, kept as dated periods by the administrator. */
@Module({ controllers: [RuleTablesController], providers: [RuleTablesService] })
export class RuleTablesModule {}
