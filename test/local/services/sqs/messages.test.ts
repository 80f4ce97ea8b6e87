import { createHash } from 'node:crypto';

import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type QueueAttributeName,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { manualClock, startSqsEmulator, type ManualClock, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

describe('SQS emulator: messages', () => {
  let sqs: SqsEmulator;
  let clock: ManualClock;
  let queueUrl: string;

  async function depth(): Promise<Record<string, string>> {
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }));
    return Attributes ?? {};
  }

  beforeEach(async () => {
    clock = manualClock();
    sqs = await startSqsEmulator({ now: clock.now });
    queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }))).QueueUrl ?? '';
  });
  afterEach(async () => {
    await sqs.stop();
  });

  test('send → receive → delete, with MD5OfMessageBody accepted by the SDK\'s checksum validation', async () => {
    // GIVEN
    const body = JSON.stringify({ order: 42, note: 'naïve ☃' });
    const sent = await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    // WHEN
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages?.[0].ReceiptHandle }));
    // THEN
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update(body, 'utf8').digest('hex'));
    expect(Messages).toHaveLength(1);
    expect(Messages?.[0]).toMatchObject({ MessageId: sent.MessageId, Body: body, MD5OfBody: sent.MD5OfMessageBody });
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '0' });
    expect(sqs.service.counters('orders')).toMatchObject({ sent: 1, received: 1, deleted: 1 });
  });

  test('a received message is not visible until deleted (NotVisible count)', async () => {
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'a' }));
    await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const again = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(again.Messages).toBeUndefined();
    expect(await depth()).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1' });
  });

  test('MD5OfMessageAttributes matches an independent implementation (moto 5.2.1) for String, Number, Binary and custom types', async () => {
    // GIVEN: the vector below was computed by moto's server for the same attributes
    const MessageAttributes = {
      a: { DataType: 'String', StringValue: 'x' },
      n: { DataType: 'Number', StringValue: '42' },
      b: { DataType: 'Binary', BinaryValue: Uint8Array.from([1, 2, 3]) },
      'c.d': { DataType: 'String.custom', StringValue: 'é' },
    };
    // WHEN
    const sent = await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi', MessageAttributes }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['All'] }));
    // THEN
    expect(sent.MD5OfMessageAttributes).toBe('19ac50c187565f420e3f65f34aa568a6');
    expect(Messages?.[0].MD5OfMessageAttributes).toBe('19ac50c187565f420e3f65f34aa568a6');
    expect(Messages?.[0].MessageAttributes?.b.BinaryValue).toEqual(Uint8Array.from([1, 2, 3]));
  });

  test('MessageAttributeNames selects attributes by name and by prefix.*', async () => {
    await sqs.client.send(new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: 'hi',
      MessageAttributes: { 'trace.id': { DataType: 'String', StringValue: '1' }, 'trace.span': { DataType: 'String', StringValue: '2' }, other: { DataType: 'String', StringValue: '3' } },
    }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['trace.*'] }));
    expect(Object.keys(Messages?.[0].MessageAttributes ?? {}).sort()).toEqual(['trace.id', 'trace.span']);
  });

  test('without MessageAttributeNames no message attributes are returned', async () => {
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi', MessageAttributes: { a: { DataType: 'String', StringValue: '1' } } }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(Messages?.[0].MessageAttributes).toBeUndefined();
    expect(Messages?.[0].MD5OfMessageAttributes).toBeUndefined();
  });

  test('MessageSystemAttributeNames All returns ApproximateReceiveCount, SentTimestamp, ApproximateFirstReceiveTimestamp and SenderId', async () => {
    // GIVEN
    const sentAt = clock.now();
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi' }));
    clock.advance(1500);
    // WHEN
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ['All'] }));
    // THEN
    expect(Messages?.[0].Attributes).toEqual({
      ApproximateReceiveCount: '1',
      SentTimestamp: String(sentAt),
      ApproximateFirstReceiveTimestamp: String(sentAt + 1500),
      SenderId: 'AKIDLOCALTEST',
    });
  });

  test('the legacy AttributeNames selects system attributes one by one', async () => {
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi' }));
    // The SDK types the deprecated AttributeNames as queue attribute names; SQS reads message system attribute names there.
    const AttributeNames = ['ApproximateReceiveCount'] as unknown as QueueAttributeName[];
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, AttributeNames }));
    expect(Messages?.[0].Attributes).toEqual({ ApproximateReceiveCount: '1' });
  });

  test('MaxNumberOfMessages returns up to that many messages', async () => {
    for (let i = 0; i < 12; i += 1) await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `m${i}` }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(10);
  });

  test('fails if MaxNumberOfMessages is outside 1..10', async () => {
    const error = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 11 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/MaxNumberOfMessages is invalid/) });
  });

  test('DelaySeconds keeps a message Delayed until the delay passes', async () => {
    // GIVEN
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later', DelaySeconds: 10 }));
    // WHEN
    const early = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const delayed = await depth();
    clock.advance(10_000);
    const late = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    // THEN
    expect(early.Messages).toBeUndefined();
    expect(delayed).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '1' });
    expect(late.Messages?.[0].Body).toBe('later');
  });

  test('fails if the message is larger than MaximumMessageSize (default 1 MiB): InvalidParameterValue', async () => {
    // GIVEN
    const exactly = 'x'.repeat(1048576);
    // WHEN
    const ok = await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: exactly }));
    const error = await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `${exactly}x` })).catch((e: unknown) => e);
    // THEN
    expect(ok.MessageId).toBeDefined();
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.' });
  });

  test('fails if the body plus attributes exceed a queue\'s lower MaximumMessageSize', async () => {
    const small = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'small', Attributes: { MaximumMessageSize: '1024' } }))).QueueUrl;
    const error = await sqs.client.send(new SendMessageCommand({
      QueueUrl: small,
      MessageBody: 'x'.repeat(1020),
      MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/shorter than 1024 bytes/) });
  });

  test('fails if the body holds characters SQS does not allow (InvalidMessageContents)', async () => {
    const error = await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'bell \u0007' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidMessageContents', message: expect.stringMatching(/Invalid characters found/) });
  });

  test('fails if a message attribute has no value', async () => {
    const error = await sqs.client.send(new SendMessageCommand({
      QueueUrl: queueUrl, MessageBody: 'x', MessageAttributes: { k: { DataType: 'String', StringValue: '' } },
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/must use field 'String'/) });
  });

  test('SendMessageBatch reports per-entry failures beside successes', async () => {
    // GIVEN
    const small = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'small', Attributes: { MaximumMessageSize: '1024' } }))).QueueUrl;
    // WHEN
    const result = await sqs.client.send(new SendMessageBatchCommand({
      QueueUrl: small,
      Entries: [
        { Id: 'ok', MessageBody: 'fine' },
        { Id: 'big', MessageBody: 'x'.repeat(2000) },
        { Id: 'late', MessageBody: 'later', DelaySeconds: 901 },
      ],
    }));
    // THEN
    expect(result.Successful?.map((s) => s.Id)).toEqual(['ok']);
    expect(result.Successful?.[0].MD5OfMessageBody).toBe(createHash('md5').update('fine').digest('hex'));
    expect(result.Failed).toEqual([
      { Id: 'big', SenderFault: true, Code: 'InvalidParameterValue', Message: expect.stringMatching(/shorter than 1024 bytes/) },
      { Id: 'late', SenderFault: true, Code: 'InvalidParameterValue', Message: expect.stringMatching(/DelaySeconds/) },
    ]);
    expect(sqs.service.counters('small').sent).toBe(1);
  });

  test('fails if a batch repeats an Id (BatchEntryIdsNotDistinct)', async () => {
    const error = await sqs.client.send(new SendMessageBatchCommand({
      QueueUrl: queueUrl, Entries: [{ Id: 'a', MessageBody: '1' }, { Id: 'a', MessageBody: '2' }],
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BatchEntryIdsNotDistinct', message: 'Id a repeated.' });
  });

  test('fails if a batch has more than 10 entries (TooManyEntriesInBatchRequest)', async () => {
    const Entries = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    const error = await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TooManyEntriesInBatchRequest', message: expect.stringMatching(/You have sent 11/) });
  });

  test('fails if a batch is empty (EmptyBatchRequest)', async () => {
    const error = await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'EmptyBatchRequest' });
  });

  test('fails if a batch Id has invalid characters (InvalidBatchEntryId)', async () => {
    const error = await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: 'a b', MessageBody: 'x' }] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidBatchEntryId' });
  });

  test('fails if the batch totals more than 1 MiB (BatchRequestTooLong)', async () => {
    const Entries = [{ Id: 'a', MessageBody: 'x'.repeat(600_000) }, { Id: 'b', MessageBody: 'y'.repeat(600_000) }];
    const error = await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BatchRequestTooLong', message: expect.stringMatching(/1048576 bytes/) });
  });

  test('PurgeQueue deletes every message, in flight or not', async () => {
    // GIVEN
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'a' }));
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'b' }));
    await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    // WHEN
    await sqs.client.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    // THEN
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '0' });
    expect(sqs.service.counters('orders').purged).toBe(2);
  });

  test('fails if PurgeQueue is repeated within 60 seconds (PurgeQueueInProgress)', async () => {
    await sqs.client.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    const error = await sqs.client.send(new PurgeQueueCommand({ QueueUrl: queueUrl })).catch((e: unknown) => e);
    clock.advance(60_000);
    await sqs.client.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    expect(error).toMatchObject({ name: 'PurgeQueueInProgress', $metadata: { httpStatusCode: 403 } });
  });

  test('a message older than MessageRetentionPeriod is dropped', async () => {
    const short = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'short', Attributes: { MessageRetentionPeriod: '60' } }))).QueueUrl;
    await sqs.client.send(new SendMessageCommand({ QueueUrl: short, MessageBody: 'old' }));
    clock.advance(60_000);
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: short }));
    expect(Messages).toBeUndefined();
    expect(sqs.service.counters('short').expired).toBe(1);
  });
});
