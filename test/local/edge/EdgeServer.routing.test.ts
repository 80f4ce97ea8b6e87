import { request } from 'node:http';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgeListenError, EdgeServer } from '../../../local/edge/index.js';
import { clientConfig } from '../../helpers/edge/credentials.js';
import { type LocalEdge, startLocalEdge } from '../../helpers/edge/startLocalEdge.js';
import { stubJsonService } from '../../helpers/edge/stubJsonService.js';

const post = (url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, method: 'POST', path: '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('EdgeServer routing', () => {
  let local: LocalEdge;

  beforeAll(async () => {
    local = await startLocalEdge();
  });

  afterAll(async () => {
    await local.close();
  });

  it('serves Secrets Manager rotation stages through the edge', async () => {
    // GIVEN
    const client = new SecretsManagerClient(clientConfig(local.url));
    await client.send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'old' }));
    // WHEN
    await client.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'new' }));
    // THEN
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'rotating' }))).SecretString).toBe('new');
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'rotating', VersionStage: 'AWSPREVIOUS' }))).SecretString).toBe('old');
    client.destroy();
  });

  it('routes requests without X-Amz-Target to S3 (SDK default checksums, path style)', async () => {
    local.s3.createBucket('routed');
    const client = new S3Client({ ...clientConfig(local.url), forcePathStyle: true });
    await client.send(new PutObjectCommand({ Bucket: 'routed', Key: 'k', Body: 'v' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'routed', Key: 'k' }));
    expect(await got.Body?.transformToString()).toBe('v');
    client.destroy();
  });

  it('routes AmazonSQS. and AWSEvents. targets to the registered handlers', async () => {
    // GIVEN stub services
    const sqs = stubJsonService('application/x-amz-json-1.0', { GetQueueUrl: { QueueUrl: `${local.url}/000000000000/orders` } });
    const events = stubJsonService('application/x-amz-json-1.1', { PutEvents: { FailedEntryCount: 0, Entries: [{ EventId: 'e' }] } });
    local.edge.register('sqs', sqs.handler).register('events', events.handler);
    const sqsClient = new SQSClient(clientConfig(local.url));
    const eventsClient = new EventBridgeClient(clientConfig(local.url));
    // WHEN
    const url = await sqsClient.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
    await eventsClient.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));
    // THEN
    expect(url.QueueUrl).toBe(`${local.url}/000000000000/orders`);
    expect(sqs.seen).toEqual([{ target: 'AmazonSQS.GetQueueUrl', body: { QueueName: 'orders' } }]);
    expect(events.seen.map((s) => s.target)).toEqual(['AWSEvents.PutEvents']);
    sqsClient.destroy();
    eventsClient.destroy();
  });

  it('fails if the target names a service it does not emulate, naming the operation', async () => {
    const answer = await post(local.url, { 'x-amz-target': 'Kinesis_20131202.PutRecord', 'content-type': 'application/x-amz-json-1.1' }, '{}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'UnknownOperationException',
      message: 'Kinesis_20131202.PutRecord is not emulated by the hookbridge local runtime (it serves SQS, EventBridge, Secrets Manager, DynamoDB and S3)',
    });
  });

  it('fails if an operation of an emulated service is not implemented, naming it', async () => {
    const answer = await post(local.url, { 'x-amz-target': 'secretsmanager.RotateSecret', 'content-type': 'application/x-amz-json-1.1' }, '{}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).Message).toMatch(/^secretsmanager\.RotateSecret is not emulated locally/);
  });

  it('fails if a request uses the AWS query protocol, saying so', async () => {
    const answer = await post(local.url, { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=ListQueues&Version=2012-11-05');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).message).toMatch(/^the AWS query protocol \(form-encoded Action=ListQueues\) is not emulated locally/);
  });

  it('fails if the edge port is in use, naming the address and the fix', async () => {
    const port = Number(new URL(local.url).port);
    const attempt = new EdgeServer({ port }).listen();
    await expect(attempt).rejects.toBeInstanceOf(EdgeListenError);
    await expect(attempt).rejects.toThrow(`cannot listen on 127.0.0.1:${port} (is the port in use? set EDGE_PORT to a free port, or 0 for any)`);
  });
});
