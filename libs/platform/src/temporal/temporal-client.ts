import { Client, Connection } from '@temporalio/client';
import type { ServiceConfig } from '../config/service-config';

export async function connectTemporalClient(config: ServiceConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}
