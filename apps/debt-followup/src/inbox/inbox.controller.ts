import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Database, ResourceOwner, ResourceOwnerOf, Scope, MayDo } from '@clientfees/platform';
import { areasOf } from '../common/caller';
import { InboxItemView, InboxQuery } from './inbox.dto';
import { InboxReader, listInbox, markInboxItemDone } from './inbox.queries';

const readerOf = (user: AccessClaims, organisationId: string): InboxReader => ({ organisationId, roles: user.roles, user: user.sub, areas: areasOf(user) });

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly db: Database) {}

  @Get()
  @MayDo('inbox.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'What the caller is told or asked to do: items to one of their roles (a unit manager’s for their areas), newest first.' })
  async list(@Query() query: InboxQuery, @CurrentUser() user: AccessClaims): Promise<InboxItemView[]> {
    const items = await this.db.read((tx) => listInbox(tx, readerOf(user, query.organisationId), { open: query.open ?? true, kind: query.kind, limit: 500 }));
    return items.map(InboxItemView.of);
  }

  @Post(':id/done')
  @MayDo('inbox.read')
  @Scope.resource('inbox-item')
  @ApiOperation({ summary: 'Marks an item done (who and when are kept).' })
  async done(@Param('id', ParseUUIDPipe) id: string, @ResourceOwnerOf() owner: ResourceOwner, @CurrentUser() user: AccessClaims): Promise<InboxItemView> {
    const item = await this.db.transaction((tx) => markInboxItemDone(tx, id, readerOf(user, owner.organisationId)));
    if (!item) throw new NotFoundException(`no inbox item ${id}`);
    return InboxItemView.of(item);
  }
}
