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

  it('answers a request in process as it does over HTTP (status, JSON body, CRC header)', async () => {
    // GIVEN a dynalite with a table holding one item
    const dynalite = await startDynalite();
    cleanups.push(dynalite.close);
    const client = new DynamoDBClient(clientConfig(dynalite.url));
    cleanups.push(async () => client.destroy());
    await client.send(
      new CreateTableCommand({
        TableName: 'audit',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client.send(new PutItemCommand({ TableName: 'audit', Item: { pk: { S: 'github#1' } } }));
    const request = (target: string, body: unknown) => ({
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${target}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
        'x-amz-date': '20260101T000000Z',
      },
      body: Buffer.from(JSON.stringify(body)),
    });
    const viaHttp = async (r: ReturnType<typeof request>) => {
      const answer = await fetch(dynalite.url, { method: 'POST', headers: r.headers, body: r.body });
      return { status: answer.status, body: await answer.text(), crc: answer.headers.get('x-amz-crc32') };
    };
    const inProcess = async (r: ReturnType<typeof request>) => {
      const answer = await dynalite.handle(r, r.body);
      return { status: answer.status, body: answer.body.toString(), crc: answer.headers['x-amz-crc32'] ?? null, length: answer.headers['content-length'] };
    };
    // WHEN the same reads and a failing conditional write go in process and over HTTP
    const get = request('GetItem', { TableName: 'audit', Key: { pk: { S: 'github#1' } } });
    const conditional = request('PutItem', { TableName: 'audit', Item: { pk: { S: 'github#1' } }, ConditionExpression: 'attribute_not_exists(pk)' });
    const [getHttp, getLocal, putHttp, putLocal] = [await viaHttp(get), await inProcess(get), await viaHttp(conditional), await inProcess(conditional)];
    // THEN the answers are the same
    expect(getLocal).toEqual({ ...getHttp, length: String(Buffer.byteLength(getHttp.body)) });
    expect(JSON.parse(getLocal.body)).toEqual({ Item: { pk: { S: 'github#1' } } });
    expect(putLocal).toEqual({ ...putHttp, length: String(Buffer.byteLength(putHttp.body)) });
    expect(putLocal.status).toBe(400);
    expect(putLocal.body).toContain('ConditionalCheckFailedException');
  });
});
