import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING_MESSAGE, PingReply } from '@clientfees/contracts';
import { SERVICE_DESCRIPTOR } from '../tokens';
import { MessageFrom } from '../messages/message-from';
import type { ServiceDescriptor } from '../service-descriptor';

@Controller()
export class PingController {
  constructor(@Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor) {}

  @MessagePattern(PING_MESSAGE)
  @MessageFrom.anyService()
  ping(): PingReply {
    return { service: this.descriptor.name, time: new Date().toISOString() };
  }
}
