import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers, sqlOwnerLookup } from '@clientfees/platform';
import { RESOURCE_OWNER_SQL } from './resource-owner.queries';

/** Registers the owner lookup of every resource kind the collection routes name (ADR 0004). */
@Injectable()
export class CollectionResourceOwners implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly resolvers: ScopeResolvers,
  ) {}

  onModuleInit(): void {
    for (const [kind, sql] of Object.entries(RESOURCE_OWNER_SQL)) this.resolvers.register(kind, sqlOwnerLookup(this.db, sql));
  }
}

@Module({ providers: [CollectionResourceOwners] })
export class AccessModule {}
