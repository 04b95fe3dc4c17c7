import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({ controllers: [ProvidersController, ApplicationsController], providers: [ProvidersService, ApplicationsService], exports: [ProvidersService, ApplicationsService] })
export class ProvidersModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly providers: ProvidersService,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('provider', (id) => this.providers.ownerOf(id));
    this.resolvers.register('attachment', byUuid((id) => this.providers.attachmentOwnerOf(id)));
    this.resolvers.register('application', byUuid((id) => this.applications.ownerOf(id)));
  }
}
