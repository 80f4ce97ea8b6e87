import { ConditionalCheckFailedException, CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Where the SDK floor sends its calls: a running local runtime's edge, with administrator keys. */
export interface SdkFloorTarget {
  readonly edgeUrl: string;
}

/**
 * The AWS SDK's floor for one GitHub webhook through the local runtime: the two calls every such
 * webhook makes with the real SDK — the verifier's `PutEvents` (one 2 KiB entry) and the audit
 * consumer's conditional `PutItem` — made back to back by `concurrency` callers in this process
 * for `durationMs`, against the same edge, services and dynalite. The event goes to the `default`
 * bus, where the stack has no rule (its own bus has a rule that takes every event), and the table
 * is a scratch one, so no consumer work follows. Pairs per second: a ceiling for
 * any runtime that runs the functions' own SDK code (SDK client + edge + service, nothing else).
 */
export async function sdkPairsPerSecond(target: SdkFloorTarget, concurrency: number, durationMs: number): Promise<number> {
  const config = {
    region: 'us-east-1',
    endpoint: target.edgeUrl,
    credentials: { accessKeyId: 'BENCHADMIN', secretAccessKey: 'bench' },
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) },
  };
  const events = new EventBridgeClient(config);
  const dynamodb = new DynamoDBClient(config);
  const table = `hookbridge-bench-sdk-floor-${process.pid}-${Date.now()}`;
  const detail = JSON.stringify({ specversion: '1.0', data: { ref: 'refs/heads/main', padding: 'x'.repeat(1900) } });
  try {
    await dynamodb.send(new CreateTableCommand({ TableName: table, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
    let n = 0;
    let pairs = 0;
    const pair = async (): Promise<void> => {
      const id = `floor-${n++}`;
      const put = await events.send(new PutEventsCommand({ Entries: [{ Source: 'bench.sdk-floor', DetailType: 'push', Detail: detail }] }));
      if (put.FailedEntryCount !== 0) throw new Error(`PutEvents failed: ${JSON.stringify(put.Entries)}`);
      try {
        await dynamodb.send(
          new PutItemCommand({
            TableName: table,
            Item: { pk: { S: `webhooks.github#${id}` }, source: { S: 'webhooks.github' }, id: { S: id }, type: { S: 'push' }, time: { S: new Date().toISOString() }, size: { N: '2048' } },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      pairs += 1;
    };
    // Warm the clients (connections, credentials, JIT) before timing.
    for (let i = 0; i < 50; i++) await pair();
    pairs = 0;
    const start = performance.now();
    const end = start + durationMs;
    const caller = async (): Promise<void> => {
      while (performance.now() < end) await pair();
    };
    await Promise.all(Array.from({ length: concurrency }, caller));
    return pairs / ((performance.now() - start) / 1000);
  } finally {
    events.destroy();
    dynamodb.destroy();
  }
}
