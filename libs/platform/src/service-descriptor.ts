import type { Type } from '@nestjs/common';
import type { ActivityContract, ServiceName } from '@clientfees/contracts';
import type { ServiceDatabaseOptions } from './database/service-database';

/** A provider that implements an activity contract of libs/contracts. */
export interface ActivityBinding {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a binding of any contract; `bindActivities` checks the pair
  contract: ActivityContract<any>;
  implementation: Type;
}

/** Names `implementation` as the service's provider of `contract`; the class must implement it. */
export function bindActivities<T>(contract: ActivityContract<T>, implementation: Type<T>): ActivityBinding {
  return { contract, implementation };
}

/** What a service tells the platform about itself. */
export interface ServiceDescriptor {
  name: ServiceName;
  /** One line for the OpenAPI document. */
  description: string;
  database: Omit<ServiceDatabaseOptions, 'schema'>;
  /**
   * The service's Temporal activities: each contract's methods, and nothing else, are
   * registered on the service's task queue (ADR 0010).
   */
  activities?: ActivityBinding[];
  /**
   * Invoicing and collection predate route scopes (ADR 0004): until every route of theirs
   * declares one, the start-up check is skipped for them. A new service never sets this.
   */
  routesPredateScopes?: true;
}
