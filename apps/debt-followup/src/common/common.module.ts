import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { WorkflowStarter } from './workflow-starter';

/** The outbox of workflow starts and the clock (people's decisions go through the platform's WorkflowMessages). */
@Global()
@Module({})
export class CommonModule {
  static register(clock: Provider): DynamicModule {
    return { module: CommonModule, providers: [WorkflowStarter, clock], exports: [WorkflowStarter, clock] };
  }
}
