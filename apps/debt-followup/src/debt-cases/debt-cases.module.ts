import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/resolvers';
import { caseworkerTaskOwner } from '../caseworker-tasks/caseworker-task.queries';
import { letterOwner } from '../letters/debt-letter.queries';
import { debtCaseOwner } from './debt-case.queries';
import { DebtCasesController } from './debt-cases.controller';
import { DebtCasesService } from './debt-cases.service';

/** Debt cases, their letters (with invoice copies from invoicing's messages) and the caseworkers' tasks. */
@Module({ controllers: [DebtCasesController], providers: [DebtCasesService] })
export class DebtCasesModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('debt-case', byUuid((id) => this.db.read((tx) => debtCaseOwner(tx, id))));
    this.resolvers.register('debt-letter', byUuid((id) => this.db.read((tx) => letterOwner(tx, id))));
    this.resolvers.register('caseworker-task', byUuid((id) => this.db.read((tx) => caseworkerTaskOwner(tx, id))));
  }
}
