import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_DESCRIPTOR } from '../tokens';
import type { ServiceDescriptor } from '../service-descriptor';

export interface ServiceHealthReport {
  service: string;
  /** Names of the migrations applied to the service's schema, oldest first. */
  migrations: string[];
}

/**
 * Activities every service offers on its own task queue, so a workflow can confirm that a
 * service is up and its schema current before it hands the service work.
 */
@Injectable()
export class PlatformActivities {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
  ) {}

  async checkServiceHealth(): Promise<ServiceHealthReport> {
    const rows: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM migrations ORDER BY id');
    return { service: this.descriptor.name, migrations: rows.map((row) => row.name) };
  }
}
