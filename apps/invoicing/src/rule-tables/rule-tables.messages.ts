import { Controller } from '@nestjs/common';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { isRuleTableName } from '@clientfees/domain';
import { InvoicingMessages, RuleTableRequest, RuleTableRow } from '@clientfees/contracts';
import { Database, MessageFrom } from '@clientfees/platform';
import { listRulePeriods } from './rule-period.queries';

/**
 * The rule tables for other services: the collection service reads the reference rates here
 * when it computes a reminder's late interest, so an administrator's confirmation counts at once.
 */
@Controller()
export class RuleTablesMessagesController {
  constructor(private readonly db: Database) {}

  @MessagePattern(InvoicingMessages.getRuleTable)
  @MessageFrom('collection')
  async getRuleTable(@Payload('body') request: RuleTableRequest): Promise<RuleTableRow[]> {
    const name = request?.name;
    if (typeof name !== 'string' || !isRuleTableName(name)) throw new RpcException(`no rule table ${String(name)}`);
    const rows = await this.db.read((tx) => listRulePeriods(tx, name));
    return rows.map((row) => ({ validFrom: row.valid_from, validTo: row.valid_to, source: row.source, value: row.value, status: row.status }));
  }
}
