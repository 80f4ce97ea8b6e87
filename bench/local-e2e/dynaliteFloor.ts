import { ConditionalCheckFailedException, CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';
import { Agent } from 'node:http';
import { startDynaliteChild } from './childServer.js';

/**
 * dynalite's own conditional PutItem/s (`attribute_not_exists(pk)`, an audit-row-sized item), from
 * `concurrency` concurrent SDK callers for `durationMs`: the floor of any local consumer that
 * writes, since every audit row is one such put through the same dynalite.
 */
export async function dynalitePutsPerSecond(concurrency: number, durationMs: number): Promise<number> {
  const server = await startDynaliteChild();
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) },
  });
  try {
    await client.send(new CreateTableCommand({ TableName: 'floor', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
    let n = 0;
    let ok = 0;
    const start = performance.now();
    const end = start + durationMs;
    const worker = async (): Promise<void> => {
      while (performance.now() < end) {
        const pk = `webhooks.github#floor-${n++}`;
        try {
          await client.send(
            new PutItemCommand({
              TableName: 'floor',
              Item: {
                pk: { S: pk },
                source: { S: 'webhooks.github' },
                id: { S: pk },
                type: { S: 'push' },
                time: { S: new Date().toISOString() },
                claimChecked: { BOOL: false },
                size: { N: '900' },
                messageId: { S: pk },
                receivedAt: { S: new Date().toISOString() },
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
          ok += 1;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return ok / ((performance.now() - start) / 1000);
  } finally {
    client.destroy();
    await server.stop();
  }
}
