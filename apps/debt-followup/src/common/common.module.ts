import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { WorkflowStarter } from './workflow-starter';

/**
 * The outbox of workflow starts, the clock and invoicing's TCP messages (people's decisions go
 * through the platform's WorkflowMessages).
 */
@Global()
@Module({})
export class CommonModule {
  static register(clock: Provider, invoicing: Provider[]): DynamicModule {
    const providers = [WorkflowStarter, clock, ...invoicing];
    return { module: CommonModule, providers, exports: providers };
  }
}
