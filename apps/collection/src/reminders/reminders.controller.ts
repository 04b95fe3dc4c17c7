import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@clientfees/platform';
import { Reminder } from './reminder.entity';
import { ListRemindersQuery } from './list-reminders.query';
import { ReminderView } from './reminder.view';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('finance-centre', 'client-fee-officer')
  @ApiOperation({ summary: 'Reminders sent through the collection agency for an organisation, newest first.' })
  @ApiOkResponse({ type: [ReminderView] })
  async list(@Query() query: ListRemindersQuery): Promise<ReminderView[]> {
    const reminders = await this.dataSource.getRepository(Reminder).find({
      where: { organisationId: query.organisationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
    return reminders.map((reminder) => ReminderView.of(reminder));
  }
}
