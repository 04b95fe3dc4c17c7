import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { WorkflowStarter } from './workflow-starter';
import { WorkflowUpdates } from './workflow-updates';

/** The outbox of workflow starts, the updates through which people decide, and the clock. */
@Global()
@Module({})
export class CommonModule {
  static register(clock: Provider): DynamicModule {
    return { module: CommonModule, providers: [WorkflowStarter, WorkflowUpdates, clock], exports: [WorkflowStarter, WorkflowUpdates, clock] };
  }
}
