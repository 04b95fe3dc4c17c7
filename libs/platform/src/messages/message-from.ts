import { SetMetadata } from '@nestjs/common';
import { SERVICE_NAMES, ServiceName } from '@clientfees/contracts';

export const MESSAGE_FROM_KEY = 'clientfees:message-from';

/**
 * The services that may send this message pattern (ADR 0013). Every `@MessagePattern` handler
 * declares it or the service refuses to start; a message from any other service is refused.
 */
export const MessageFrom = (...services: ServiceName[]) => SetMetadata(MESSAGE_FROM_KEY, services);

/** Every clientfees service may send it (the ping peers use to see each other up). */
MessageFrom.anyService = () => MessageFrom(...SERVICE_NAMES);
