import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database, Roles } from '@clientfees/platform';
import { remindersOf } from './reminder.queries';
import { ReminderView } from './reminder.view';
import { ListRemindersQuery } from './reminders.dto';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly db: Database) {}

  @Get()
  @Roles('finance-centre', 'client-fee-officer')
  @ApiOperation({ summary: 'Reminders sent through the collection agency for an organisation, newest first.' })
  @ApiOkResponse({ type: [ReminderView] })
  async list(@Query() query: ListRemindersQuery): Promise<ReminderView[]> {
    const reminders = await this.db.read((tx) => remindersOf(tx, query.organisationId, query.limit));
    return reminders.map((reminder) => ReminderView.of(reminder));
  }
}
