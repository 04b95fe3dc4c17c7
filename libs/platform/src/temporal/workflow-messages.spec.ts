import { HttpException } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REFUSAL_FAILURE_TYPES, writeOffUpdate, type WriteOffCommand } from '@clientfees/contracts';
import { WorkflowMessages } from './workflow-messages';

/** A Temporal client whose every update answers `outcome` (a value, or an error to throw). */
function clientAnswering(outcome: unknown): Client {
  const executeUpdate = async () => {
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { workflow: { getHandle: () => ({ executeUpdate }) } } as unknown as Client;
}

const command: WriteOffCommand = { grounds: 'uncollectable', note: 'n', actor: 'u', role: 'billing-supervisor' };

async function answerTo(outcome: unknown, stored?: string): Promise<{ status: number; body: unknown }> {
  try {
    const value = await new WorkflowMessages(clientAnswering(outcome)).update('invoice-1', writeOffUpdate, [command], {
      field: { rule: 'grounds', state: 'state' },
      subject: 'invoice 1',
      currentState: async () => stored,
    });
    return { status: 200, body: value };
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

const refused = (kind: keyof typeof REFUSAL_FAILURE_TYPES, reason: string) =>
  new WorkflowUpdateFailedError('update failed', ApplicationFailure.nonRetryable(reason, REFUSAL_FAILURE_TYPES[kind]));

describe('WorkflowMessages.update', () => {
  it('answers a validator’s refusal by its kind: a rule 422 naming the decision, the role 403, the state 409, naming the field', async () => {
    expect(await answerTo(refused('rule', 'a write-off needs a note'))).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'a write-off needs a note',
        rule: 'writeOff',
        reason: 'a write-off needs a note',
        problems: [{ field: 'grounds', reason: 'a write-off needs a note' }],
      },
    });
    expect(await answerTo(refused('role', 'not yours'))).toMatchObject({ status: 403, body: { problems: [{ field: 'grounds', reason: 'not yours' }] } });
    expect(await answerTo(refused('state', 'recall it first'), 'at-agency')).toEqual({
      status: 409,
      body: { statusCode: 409, message: 'recall it first', problems: [{ field: 'state', reason: 'recall it first' }], currentState: 'at-agency' },
    });
  });

  it('answers a decision on an ended process 409 with the state it ended in, and 404 only when the thing does not exist', async () => {
    expect(await answerTo(new WorkflowNotFoundError('gone', 'invoice-1', undefined), 'written-off')).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        message: 'invoice 1 is written-off and takes no more decisions',
        problems: [{ field: 'state', reason: 'is written-off' }],
        currentState: 'written-off',
      },
    });
    expect(await answerTo(new WorkflowNotFoundError('gone', 'invoice-1', undefined))).toMatchObject({ status: 404, body: { message: 'no invoice 1' } });
  });

  it('passes anything else on', async () => {
    const broken = new WorkflowUpdateFailedError('update failed', ApplicationFailure.nonRetryable('boom', 'SomethingElse'));
    await expect(answerTo(broken)).rejects.toBe(broken);
    await expect(answerTo(new Error('unavailable'))).rejects.toThrow('unavailable');
  });

  it('returns what the workflow answers', async () => {
    expect(await answerTo({ state: 'written-off' })).toEqual({ status: 200, body: { state: 'written-off' } });
  });
});
