import { EntitySubscriberInterface, EventSubscriber, TransactionStartEvent } from 'typeorm';
import { currentRequest } from './request-context';

/**
 * Hands the acting user and the request id to the database at the start of every transaction
 * opened while a request is handled (`SET LOCAL`-scoped settings `clientfees.actor` and
 * `clientfees.request_id`). The `keep_history()` trigger reads them, so every overwrite of a
 * client, a registration or an organisation keeps its previous value with who made it, and the
 * audit log's entry for the request finds it by request id. Outside a request (activities,
 * schedules) nothing is set and the history says `system`.
 */
@EventSubscriber()
export class ActorSessionSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const context = currentRequest();
    if (!context) return;
    await event.queryRunner.query(`SELECT set_config('clientfees.actor', $1, true), set_config('clientfees.request_id', $2, true)`, [
      context.actor,
      context.requestId,
    ]);
  }
}
