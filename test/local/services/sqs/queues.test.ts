import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { manualClock, startSqsEmulator, type ManualClock, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

describe('SQS emulator: queues', () => {
  let sqs: SqsEmulator;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = manualClock();
    sqs = await startSqsEmulator({ now: clock.now, region: 'eu-west-1', accountId: '123456789012' });
  });
  afterEach(async () => {
    await sqs.stop();
  });

  test('CreateQueue returns http://<edge host:port>/<account>/<name> and GetQueueUrl finds it', async () => {
    // WHEN
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    const found = await sqs.client.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
    // THEN
    expect(QueueUrl).toBe(`${sqs.endpoint}/123456789012/orders`);
    expect(found.QueueUrl).toBe(QueueUrl);
  });

  test('CreateQueue is idempotent for identical attributes', async () => {
    // GIVEN
    const input = { QueueName: 'orders', Attributes: { VisibilityTimeout: '60', DelaySeconds: '5' } };
    const first = await sqs.client.send(new CreateQueueCommand(input));
    // WHEN
    const second = await sqs.client.send(new CreateQueueCommand(input));
    // THEN
    expect(second.QueueUrl).toBe(first.QueueUrl);
  });

  test('fails if CreateQueue names an existing queue with a different attribute value (QueueNameExists)', async () => {
    // GIVEN
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '60' } }));
    // WHEN
    const error = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '61' } })).catch((e: unknown) => e);
    // THEN
    expect(error).toMatchObject({ name: 'QueueNameExists', message: expect.stringMatching(/different value for attribute VisibilityTimeout/) });
  });

  test('fails if an attribute is out of range (InvalidAttributeValue)', async () => {
    const error = await sqs.client.send(new CreateQueueCommand({ QueueName: 'q', Attributes: { VisibilityTimeout: '43201' } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidAttributeValue', message: expect.stringMatching(/VisibilityTimeout/) });
  });

  test('fails if the queue name has invalid characters (InvalidParameterValue)', async () => {
    const error = await sqs.client.send(new CreateQueueCommand({ QueueName: 'bad name!' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/alphanumeric characters, hyphens, or underscores/) });
  });

  test('fails with err.name QueueDoesNotExist (legacy code AWS.SimpleQueueService.NonExistentQueue) for an unknown queue', async () => {
    // WHEN
    const error = await sqs.client.send(new GetQueueUrlCommand({ QueueName: 'missing' })).catch((e: unknown) => e);
    // THEN
    expect(error).toMatchObject({
      name: 'QueueDoesNotExist',
      message: 'The specified queue does not exist.',
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
      $metadata: { httpStatusCode: 400 },
    });
  });

  test('accepts a QueueUrl in any form whose last path segment is the name', async () => {
    // GIVEN
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    // WHEN
    const sent = await sqs.client.send(new SendMessageCommand({ QueueUrl: `${sqs.endpoint}/queue/orders`, MessageBody: 'x' }));
    // THEN
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('ListQueues filters by prefix and paginates with MaxResults', async () => {
    // GIVEN
    for (const name of ['a-1', 'a-2', 'a-3', 'b-1']) await sqs.client.send(new CreateQueueCommand({ QueueName: name }));
    // WHEN
    const all = await sqs.client.send(new ListQueuesCommand({ QueueNamePrefix: 'a-' }));
    const page1 = await sqs.client.send(new ListQueuesCommand({ QueueNamePrefix: 'a-', MaxResults: 2 }));
    const page2 = await sqs.client.send(new ListQueuesCommand({ QueueNamePrefix: 'a-', MaxResults: 2, NextToken: page1.NextToken }));
    // THEN
    expect(all.QueueUrls?.map((u) => u.split('/').pop())).toEqual(['a-1', 'a-2', 'a-3']);
    expect(page1.QueueUrls).toHaveLength(2);
    expect(page2.QueueUrls?.map((u) => u.split('/').pop())).toEqual(['a-3']);
    expect(page2.NextToken).toBeUndefined();
  });

  test('DeleteQueue removes the queue', async () => {
    // GIVEN
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    // WHEN
    await sqs.client.send(new DeleteQueueCommand({ QueueUrl }));
    // THEN
    const error = await sqs.client.send(new GetQueueUrlCommand({ QueueName: 'orders' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueueDoesNotExist' });
  });

  test('GetQueueAttributes All reports defaults (MaximumMessageSize 1 MiB), QueueArn and CreatedTimestamp', async () => {
    // GIVEN
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    // WHEN
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    // THEN
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
      VisibilityTimeout: '30',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      CreatedTimestamp: String(Math.floor(clock.now() / 1000)),
    });
    expect(Attributes?.RedrivePolicy).toBeUndefined();
  });

  test('GetQueueAttributes with named attributes returns only those', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'] }));
    expect(Attributes).toEqual({ QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:orders', ApproximateNumberOfMessages: '0' });
  });

  test('fails if GetQueueAttributes names an unknown attribute (InvalidAttributeName)', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    const error = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Bogus' as 'All'] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidAttributeName', message: 'Unknown Attribute Bogus.' });
  });

  test('CreateQueue with a RedrivePolicy reports it normalised, and SetQueueAttributes "" removes it', async () => {
    // GIVEN
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders-dlq' }));
    const dlqArn = 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq';
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '3' }) },
    }));
    // WHEN
    const before = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['RedrivePolicy'] }));
    await sqs.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { RedrivePolicy: '' } }));
    const after = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    // THEN
    expect(JSON.parse(before.Attributes?.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });
    expect(after.Attributes?.RedrivePolicy).toBeUndefined();
  });

  test('ListDeadLetterSourceQueues lists the queues whose RedrivePolicy targets the DLQ', async () => {
    const dlq = await sqs.client.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const source = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'src',
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:123456789012:dlq', maxReceiveCount: 2 }) },
    }));
    const { queueUrls } = await sqs.client.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.QueueUrl }));
    expect(queueUrls).toEqual([source.QueueUrl]);
  });

  test('fails if the RedrivePolicy targets a queue that does not exist', async () => {
    const error = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:123456789012:nope', maxReceiveCount: 3 }) },
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/Dead letter target does not exist/) });
  });

  test('fails if the RedrivePolicy maxReceiveCount is outside 1..1000', async () => {
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const error = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:123456789012:dlq', maxReceiveCount: 0 }) },
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/maxReceiveCount/) });
  });

  test('fails if the DLQ\'s RedriveAllowPolicy denies the source queue', async () => {
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'denyAll' }) } }));
    const error = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:123456789012:dlq', maxReceiveCount: 3 }) },
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/RedriveAllowPolicy/) });
  });

  test('SetQueueAttributes changes VisibilityTimeout and LastModifiedTimestamp', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }));
    clock.advance(5000);
    await sqs.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '120' } }));
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout', 'LastModifiedTimestamp'] }));
    expect(Attributes).toEqual({ VisibilityTimeout: '120', LastModifiedTimestamp: String(Math.floor(clock.now() / 1000)) });
  });

  test('fails if a FIFO queue is requested: FIFO queues are not emulated', async () => {
    const error = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true' } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnsupportedOperation', message: expect.stringMatching(/FIFO queues are not emulated/) });
  });
});
