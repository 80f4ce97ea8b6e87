import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeService } from '../../../local/services/eventbridge/index.js';
import { SqsService } from '../../../local/services/sqs/index.js';
import { clientConfig, functionCredentials } from '../../helpers/edge/credentials.js';
import { eventsHandler, sqsHandler } from '../../helpers/edge/serviceAdapters.js';
import { type LocalEdge, startLocalEdge } from '../../helpers/edge/startLocalEdge.js';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:orders';

describe('EdgeServer in front of the SQS and EventBridge emulators', () => {
  let local: LocalEdge;
  let sqs: SqsService;

  beforeAll(async () => {
    local = await startLocalEdge();
    sqs = new SqsService();
    sqs.setBaseUrl(local.url);
    sqs.createQueue('orders');
    const events = new EventBridgeService({ deliver: () => Promise.resolve() });
    local.edge.register('sqs', sqsHandler(sqs)).register('events', eventsHandler(events));
    local.edge.setCaller('LOCALPRODUCER', {
      functionName: 'producer',
      roleName: 'producer-role',
      policies: [{ Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage', 'events:PutEvents'], Resource: [QUEUE_ARN, '*'] }] }],
    });
  });

  afterAll(async () => {
    await local.close();
  });

  it('lets an allowed SendMessage reach the queue and denies ReceiveMessage', async () => {
    // GIVEN a function allowed to send only
    const client = new SQSClient(clientConfig(local.url, functionCredentials('LOCALPRODUCER')));
    const queueUrl = sqs.queueUrl('orders');
    // WHEN
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hello' }));
    // THEN
    await expect(client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).rejects.toMatchObject({ name: 'AccessDenied' });
    const admin = new SQSClient(clientConfig(local.url));
    const received = await admin.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 }));
    expect(received.Messages?.map((m) => m.Body)).toEqual(['hello']);
    client.destroy();
    admin.destroy();
  });

  it('passes PutEvents through to the EventBridge emulator', async () => {
    const client = new EventBridgeClient(clientConfig(local.url, functionCredentials('LOCALPRODUCER')));
    const answer = await client.send(new PutEventsCommand({ Entries: [{ Source: 'webhooks.github', DetailType: 'push', Detail: '{}' }] }));
    expect(answer.FailedEntryCount).toBe(0);
    expect(answer.Entries?.[0]?.EventId).toMatch(/.+/);
    client.destroy();
  });
});
