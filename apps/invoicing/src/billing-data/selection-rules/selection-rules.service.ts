import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { conflict, Database, isUniqueViolation } from '@clientfees/platform';
import { organisationFromBody } from '../../organisations/organisation-lookup';
import { findSelectionRule, insertSelectionRule, SelectionRule, selectionRulesOf } from './selection-rule.queries';
import type { CreateSelectionRuleDto } from './selection-rules.dto';

/** Saved selection rules (urvalsregel, seed 002 p.27): which debiting areas a billing run bills. */
@Injectable()
export class SelectionRulesService {
  constructor(private readonly db: Database) {}

  /** Names are unique per organisation (409). */
  async create(body: CreateSelectionRuleDto, actor: string): Promise<SelectionRule> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, body.organisationId));
    const id = randomUUID();
    try {
      await this.db.transaction((tx) => insertSelectionRule(tx, { id, organisationId: organisation.id, name: body.name, debitingAreas: body.debitingAreas, createdBy: actor }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`a selection rule named ${body.name} already exists in ${organisation.id}`, 'name', 'already in use');
      throw error;
    }
    return (await this.db.read((tx) => findSelectionRule(tx, id)))!;
  }

  list(organisationId: string): Promise<SelectionRule[]> {
    return this.db.read((tx) => selectionRulesOf(tx, organisationId));
  }
}
