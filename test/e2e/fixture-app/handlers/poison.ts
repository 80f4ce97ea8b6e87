import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { defaultDynamoDBClient } from '../../../../lambdas/consumers/kit/clients.js';
import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { FLAG_KEY, FLAG_TABLE_ENV, POISON_FLAG } from '../constants.js';
import { reportOf, sendReport } from './report.js';

/** Thrown while the poison flag says `broken`. */
export class PoisonedError extends Error {
  public constructor(id: string) {
    super(`event ${id} cannot be processed while the poison flag is broken`);
    this.name = 'PoisonedError';
  }
}

/**
 * Fixture consumer that fails every attempt while the flag item `{pk: 'poison'}` of the flag table
 * has `state = 'broken'`: the event ends in the DLQ; once a test flips the flag, a redrive
 * (StartMessageMoveTask) brings it back and it is processed.
 */
export const handler = defineConsumer(async (event, context) => {
  const table = process.env[FLAG_TABLE_ENV];
  if (!table) throw new Error(`${FLAG_TABLE_ENV} is not set`);
  const flag = await defaultDynamoDBClient().send(
    new GetItemCommand({ TableName: table, Key: { [FLAG_KEY]: { S: POISON_FLAG } }, ConsistentRead: true }),
  );
  if (flag.Item?.state?.S === 'broken') throw new PoisonedError(event.id);
  await sendReport(reportOf(event, context));
});
