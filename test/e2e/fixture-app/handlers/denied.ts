import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { defaultDynamoDBClient } from '../../../../lambdas/consumers/kit/clients.js';
import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { FLAG_KEY, FLAG_TABLE_ENV } from '../constants.js';
import { reportOf, sendReport } from './report.js';

/** The error name of an SDK call, or `ok`. */
const outcome = async (call: () => Promise<unknown>): Promise<string> => {
  try {
    await call();
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
};

/**
 * Fixture consumer whose role may only `dynamodb:GetItem` the flag table: it tries a GetItem
 * (allowed) and a PutItem (not granted) and reports both outcomes, so a test sees from outside that
 * the missing grant failed with AccessDeniedException while the granted call went through.
 */
export const handler = defineConsumer(async (event, context) => {
  const table = process.env[FLAG_TABLE_ENV];
  if (!table) throw new Error(`${FLAG_TABLE_ENV} is not set`);
  const client = defaultDynamoDBClient();
  const key = { [FLAG_KEY]: { S: `denied#${event.id}` } };
  const getItem = await outcome(() => client.send(new GetItemCommand({ TableName: table, Key: key })));
  const putItem = await outcome(() => client.send(new PutItemCommand({ TableName: table, Item: key })));
  await sendReport(reportOf(event, context, { getItem, putItem }));
});
