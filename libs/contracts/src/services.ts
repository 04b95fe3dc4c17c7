import type { ServiceName } from './task-queues';

/** Default ports on a developer machine; each is overridable by HTTP_PORT / TCP_PORT. */
export const DEFAULT_PORTS: Record<ServiceName | 'authority-sim', { http: number; tcp?: number }> = {
  invoicing: { http: 3001, tcp: 4001 },
  'income-verification': { http: 3002, tcp: 4002 },
  'provider-settlement': { http: 3003, tcp: 4003 },
  collection: { http: 3004, tcp: 4004 },
  'debt-followup': { http: 3005, tcp: 4005 },
  'authority-sim': { http: 3100 },
};

/**
 * A message between services (@nestjs/microservices over TCP): the sender's service token
 * (`auth`, minted with the shared signing key for the messages audience) and the body the
 * pattern validates. Anything else is refused.
 */
export interface ServiceMessage<T> {
  auth: string;
  body: T;
}

/** Every service answers this message pattern: how services find out that a peer is up. */
export const PING_MESSAGE = 'service.ping';
export interface PingReply {
  service: ServiceName;
  time: string;
}

/** Offered by every service on its own task queue. */
export interface PlatformActivitiesContract {
  checkServiceHealth(): Promise<{ service: string; migrations: string[] }>;
}
