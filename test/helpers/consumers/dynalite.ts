import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { listenLocal } from './listen.js';

// dynalite ships no type declarations; load it through require with the one signature used here.
const dynalite = createRequire(import.meta.url)('dynalite') as (options: { createTableMs?: number }) => Server;

/** Fixed test credentials: dynalite accepts any signature. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } as const;
export const TEST_REGION = 'us-east-1';

/** A dynalite server started by a test, with a real DynamoDB client pointed at it. */
export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly close: () => Promise<void>;
}

/** Starts dynalite (in memory, tables ACTIVE at once) on 127.0.0.1 on a free port. */
export const startDynalite = async (): Promise<LocalDynamo> => {
  const server = await listenLocal(dynalite({ createTableMs: 0 }));
  const client = new DynamoDBClient({
    endpoint: server.url,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
  return {
    endpoint: server.url,
    client,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
};

/** Creates a table keyed by one string attribute, as `IdempotencyTable` (`id`) and the audit table (`pk`) are. */
export const createHashKeyTable = async (
  client: DynamoDBClient,
  tableName: string,
  hashKey: string,
): Promise<void> => {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: hashKey, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
};
