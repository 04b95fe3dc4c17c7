import type { Type } from '@nestjs/common';
import type { ActivityContract, ServiceName } from '@clientfees/contracts';
import type { ServiceDatabaseOptions } from './database/service-database';
import type { Tx } from './database/database';
import type { AuditChange } from './audit/audit-log.queries';

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
   * What `GET /audit-log` may not show of the values a request overwrote, as the service's rules
   * say at the time of reading (invoicing: an address a security ban now protects). Answers the
   * changes as they may be shown; the stored history is never changed.
   */
  maskAuditChanges?: (tx: Tx, changes: AuditChange[]) => Promise<AuditChange[]>;
}
