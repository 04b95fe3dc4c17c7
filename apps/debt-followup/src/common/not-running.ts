import { NotFoundException } from '@nestjs/common';
import { conflict } from '@clientfees/platform';

/**
 * A decision sent (through WorkflowMessages) to a process that has finished or not started yet:
 * the process's state, so 409 rather than WorkflowMessages' 404.
 */
export async function whileRunning<Ret>(update: Promise<Ret>, field: string): Promise<Ret> {
  try {
    return await update;
  } catch (error) {
    if (error instanceof NotFoundException) throw conflict('the process is not running (finished or not started yet)', field, 'the process is not running');
    throw error;
  }
}

