import { Module } from '@nestjs/common';
import { SelectionRulesController } from './selection-rules.controller';
import { SelectionRulesService } from './selection-rules.service';

/** Saved selection rules of debiting areas. */
@Module({ controllers: [SelectionRulesController], providers: [SelectionRulesService] })
export class SelectionRulesModule {}
