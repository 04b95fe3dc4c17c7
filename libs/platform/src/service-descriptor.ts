import type { Type } from '@nestjs/common';
import type { ServiceName } from '@clientfees/contracts';
import type { ServiceDatabaseOptions } from './database/service-database';

/** What a service tells the platform about itself. */
export interface ServiceDescriptor {
  name: ServiceName;
  /** One line for the OpenAPI document. */
  description: string;
  database: Omit<ServiceDatabaseOptions, 'schema'>;
  /** Providers whose public methods are this service's Temporal activities. */
  activities?: Type[];
  /**
   * Invoicing and collection predate route scopes (ADR 0004): until every route of theirs
   * declares one, the start-up check is skipped for them. A new service never sets this.
   */
  routesPredateScopes?: true;
}
