import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { defaultDynamoDBClient } from '../../../../lambdas/consumers/kit/clients.js';
import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { SOAK_FLAG_TABLE_ENV, SOAK_POISON_FLAG } from '../constants.js';
import { sendReport } from './sendReport.js';

/** Thrown while the poison flag says `broken`. */
export class PoisonedError extends Error {
  public constructor(id: string) {
    super(`event ${id} cannot be processed while the poison flag is broken`);
    this.name = 'PoisonedError';
  }
}

/**
 * Soak consumer that fails every attempt while `{pk: 'poison'}` of the flag table has
 * `state = 'broken'`: its events end in the DLQ until the run fixes the flag and redrives.
 */
export const handler = defineConsumer(async (event, context) => {
  const table = process.env[SOAK_FLAG_TABLE_ENV];
  if (!table) throw new Error(`${SOAK_FLAG_TABLE_ENV} is not set`);
  const flag = await defaultDynamoDBClient().send(new GetItemCommand({ TableName: table, Key: { pk: { S: SOAK_POISON_FLAG } }, ConsistentRead: true }));
  if (flag.Item?.state?.S === 'broken') throw new PoisonedError(event.id);
  await sendReport(event, context);
});
