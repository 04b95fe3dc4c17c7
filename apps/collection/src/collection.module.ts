import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@clientfees/platform';

/**
 * Reminders, late-payment interest, agency transfers and recalls, waivers.
 * (FI perintä / SV inkasso)
 */
@Module({})
export class CollectionModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: CollectionModule,
      imports: [
        PlatformModule.forService(
          { name: 'collection', description: 'Reminders, late-payment interest, agency transfers and recalls, waivers.', database: { entities: [], migrations: [] }, activities: [] },
          env,
        ),
      ],
    };
  }
}
