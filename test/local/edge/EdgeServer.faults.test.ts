import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../helpers/edge/credentials.js';
import { type LocalEdge, startLocalEdge } from '../../helpers/edge/startLocalEdge.js';
import { stubJsonService } from '../../helpers/edge/stubJsonService.js';

describe('EdgeServer fault injection', () => {
  let local: LocalEdge;

  beforeAll(async () => {
    local = await startLocalEdge();
    local.secrets.createSecret({ name: 'slow', secretString: 'x' });
    local.s3.createBucket('faulty');
    local.edge.register('events', stubJsonService('application/x-amz-json-1.1', { PutEvents: { FailedEntryCount: 0, Entries: [{}] } }).handler);
    local.edge.register('sqs', stubJsonService('application/x-amz-json-1.0', { GetQueueUrl: { QueueUrl: 'u' } }).handler);
  });

  afterEach(() => {
    local.edge.faults.clear();
  });

  afterAll(async () => {
    await local.close();
  });

  it('delays a service by the given milliseconds', async () => {
    // GIVEN
    const client = new SecretsManagerClient(clientConfig(local.url));
    local.edge.faults.delay('secretsmanager', 300);
    // WHEN
    const started = performance.now();
    await client.send(new GetSecretValueCommand({ SecretId: 'slow' }));
    // THEN
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    client.destroy();
  });

  it('fails PutEvents with 503 ServiceUnavailable until the window ends', async () => {
    // GIVEN a failure window of 400 ms
    const client = new EventBridgeClient(clientConfig(local.url));
    const send = () => client.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));
    local.edge.faults.fail('events', Date.now() + 400);
    // WHEN / THEN
    await expect(send()).rejects.toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 }, $fault: 'server' });
    await new Promise((resolve) => setTimeout(resolve, 450));
    await expect(send()).resolves.toMatchObject({ FailedEntryCount: 0 });
    client.destroy();
  });

  it('fails each protocol in its own shape', async () => {
    // GIVEN every service failing
    const until = Date.now() + 60_000;
    for (const service of ['sqs', 'dynamodb', 'secretsmanager'] as const) local.edge.faults.fail(service, until);
    local.edge.faults.fail('s3', until, 'internal');
    const sqs = new SQSClient(clientConfig(local.url));
    const dynamo = new DynamoDBClient(clientConfig(local.url));
    const s3 = new S3Client({ ...clientConfig(local.url), forcePathStyle: true });
    // WHEN / THEN
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'q' }))).rejects.toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    await expect(dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    await expect(s3.send(new GetObjectCommand({ Bucket: 'faulty', Key: 'k' }))).rejects.toMatchObject({
      name: 'InternalError',
      $metadata: { httpStatusCode: 500 },
    });
    for (const c of [sqs, dynamo, s3]) c.destroy();
  });

  it('leaves other services alone while one fails', async () => {
    local.edge.faults.fail('events', Date.now() + 60_000);
    const dynamo = new DynamoDBClient(clientConfig(local.url));
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'unaffected',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect((await dynamo.send(new ListTablesCommand({}))).TableNames).toContain('unaffected');
    const secrets = new SecretsManagerClient(clientConfig(local.url));
    await expect(secrets.send(new CreateSecretCommand({ Name: 'fine', SecretString: 'x' }))).resolves.toBeDefined();
    dynamo.destroy();
    secrets.destroy();
  });

  it('fails if a delay is negative', () => {
    expect(() => local.edge.faults.delay('s3', -1)).toThrow('delay must be a non-negative number of milliseconds (given -1)');
  });
});
