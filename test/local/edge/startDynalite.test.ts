import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { EdgeListenError, startDynalite } from '../../../local/edge/index.js';
import { clientConfig } from '../../helpers/edge/credentials.js';

describe('startDynalite', () => {
  const cleanups: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('keeps tables and items in a store directory across restarts', async () => {
    // GIVEN a dynalite with a store directory, a table and an item
    const dir = await mkdtemp(join(tmpdir(), 'hookbridge-dynalite-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const first = await startDynalite({ path: dir });
    const client1 = new DynamoDBClient(clientConfig(first.url));
    await client1.send(
      new CreateTableCommand({
        TableName: 'audit',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client1.send(new PutItemCommand({ TableName: 'audit', Item: { pk: { S: 'github#1' } } }));
    client1.destroy();
    await first.close();
    // WHEN it starts again on the same directory
    const second = await startDynalite({ path: dir });
    cleanups.push(second.close);
    const client2 = new DynamoDBClient(clientConfig(second.url));
    // THEN
    const got = await client2.send(new GetItemCommand({ TableName: 'audit', Key: { pk: { S: 'github#1' } } }));
    expect(got.Item).toEqual({ pk: { S: 'github#1' } });
    client2.destroy();
  });

  it('fails if the port is taken, naming the address and the fix', async () => {
    const taken = await startDynalite();
    cleanups.push(taken.close);
    const attempt = startDynalite({ port: taken.port });
    await expect(attempt).rejects.toBeInstanceOf(EdgeListenError);
    await expect(attempt).rejects.toThrow(
      `cannot listen on 127.0.0.1:${taken.port} (is the port in use? set EDGE_PORT to a free port, or 0 for any)`,
    );
  });
});
