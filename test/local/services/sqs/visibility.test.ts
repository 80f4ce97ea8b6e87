import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { manualClock, startSqsEmulator, type ManualClock, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

describe('SQS emulator: visibility timeout and receipt handles', () => {
  let sqs: SqsEmulator;
  let clock: ManualClock;
  let queueUrl: string;

  async function receiveOne(visibilityTimeout?: number): Promise<{ handle: string; count: string | undefined; body: string | undefined } | undefined> {
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({
      QueueUrl: queueUrl, VisibilityTimeout: visibilityTimeout, MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    }));
    const message = Messages?.[0];
    return message ? { handle: message.ReceiptHandle ?? '', count: message.Attributes?.ApproximateReceiveCount, body: message.Body } : undefined;
  }

  beforeEach(async () => {
    clock = manualClock();
    sqs = await startSqsEmulator({ now: clock.now });
    queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '30' } }))).QueueUrl ?? '';
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'm' }));
  });
  afterEach(async () => {
    await sqs.stop();
  });

  test('the visibility timeout expiring makes a message visible again with ApproximateReceiveCount 2', async () => {
    // GIVEN
    const first = await receiveOne();
    clock.advance(29_999);
    const hidden = await receiveOne();
    // WHEN
    clock.advance(1);
    const second = await receiveOne();
    // THEN
    expect(first?.count).toBe('1');
    expect(hidden).toBeUndefined();
    expect(second?.count).toBe('2');
    expect(second?.handle).not.toBe(first?.handle);
  });

  test('ReceiveMessage VisibilityTimeout overrides the queue default', async () => {
    await receiveOne(5);
    clock.advance(5000);
    expect((await receiveOne())?.count).toBe('2');
  });

  test('ChangeMessageVisibility 0 makes the message visible at once', async () => {
    const first = await receiveOne();
    await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 0 }));
    expect((await receiveOne())?.count).toBe('2');
  });

  test('ChangeMessageVisibility extends the timeout from now', async () => {
    const first = await receiveOne();
    clock.advance(20_000);
    await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 60 }));
    clock.advance(59_999);
    const still = await receiveOne();
    clock.advance(1);
    expect(still).toBeUndefined();
    expect((await receiveOne())?.count).toBe('2');
  });

  test('fails if the message\'s visibility already expired (MessageNotInflight)', async () => {
    const first = await receiveOne();
    clock.advance(30_000);
    const error = await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 10 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MessageNotInflight', Code: 'AWS.SimpleQueueService.MessageNotInflight' });
  });

  test('fails if the handle\'s message was deleted (InvalidParameterValue, "Message does not exist")', async () => {
    const first = await receiveOne();
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle }));
    const error = await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 10 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/Message does not exist or is not available for visibility timeout change/) });
  });

  test('fails if the receipt handle was never issued (ReceiptHandleIsInvalid, 404)', async () => {
    const error = await sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: 'not-a-handle' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ReceiptHandleIsInvalid', $metadata: { httpStatusCode: 404 } });
  });

  test('fails if VisibilityTimeout is above 43200 seconds', async () => {
    const first = await receiveOne();
    const error = await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 43201 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/VisibilityTimeout/) });
  });

  test('fails if the total visibility of one receive would pass 12 hours', async () => {
    const first = await receiveOne();
    clock.advance(10_000);
    const error = await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle, VisibilityTimeout: 43200 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/Total VisibilityTimeout for the message is beyond the limit/) });
  });

  test('DeleteMessage with the handle of an earlier receive succeeds but does not delete', async () => {
    // GIVEN
    const first = await receiveOne();
    clock.advance(30_000);
    await receiveOne();
    // WHEN
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle }));
    // THEN
    clock.advance(30_000);
    expect((await receiveOne())?.count).toBe('3');
  });

  test('DeleteMessage twice with the same handle succeeds', async () => {
    const first = await receiveOne();
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle }));
    await expect(sqs.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.handle }))).resolves.toBeDefined();
    expect(sqs.service.counters('orders').deleted).toBe(1);
  });

  test('ChangeMessageVisibilityBatch and DeleteMessageBatch report per-entry failures', async () => {
    // GIVEN
    const first = await receiveOne();
    // WHEN
    const change = await sqs.client.send(new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: [{ Id: 'good', ReceiptHandle: first?.handle, VisibilityTimeout: 100 }, { Id: 'bad', ReceiptHandle: 'junk', VisibilityTimeout: 1 }],
    }));
    const remove = await sqs.client.send(new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: [{ Id: 'good', ReceiptHandle: first?.handle }, { Id: 'bad', ReceiptHandle: 'junk' }],
    }));
    // THEN
    expect(change.Successful).toEqual([{ Id: 'good' }]);
    expect(change.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: expect.stringMatching(/not a valid receipt handle/) }]);
    expect(remove.Successful).toEqual([{ Id: 'good' }]);
    expect(remove.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: expect.any(String) }]);
    expect(sqs.service.counters('orders').deleted).toBe(1);
  });

  test('fails if a receipt handle of another queue is used (ReceiptHandleIsInvalid)', async () => {
    const first = await receiveOne();
    const other = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'other' }))).QueueUrl;
    const error = await sqs.client.send(new DeleteMessageCommand({ QueueUrl: other, ReceiptHandle: first?.handle })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ReceiptHandleIsInvalid' });
  });
});
