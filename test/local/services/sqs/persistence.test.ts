import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, ChangeMessageVisibilityCommand, DeleteMessageCommand, PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { SqsService } from '../../../../local/services/sqs/sqs-service.js';
import type { SqsMutation } from '../../../../local/services/sqs/types.js';
import { manualClock, startSqsEmulator, type ManualClock, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

const ARN = 'arn:aws:sqs:us-east-1:000000000000';

describe('SQS emulator: snapshot, restore and mutation journal', () => {
  let sqs: SqsEmulator;
  let clock: ManualClock;
  let journal: SqsMutation[];

  beforeEach(async () => {
    clock = manualClock();
    sqs = await startSqsEmulator({ now: clock.now });
    journal = [];
    // A journal writes records as JSON; round-trip them the same way.
    sqs.service.onMutation((mutation) => journal.push(JSON.parse(JSON.stringify(mutation)) as SqsMutation));
  });
  afterEach(async () => {
    await sqs.stop();
  });

  async function exercise(): Promise<void> {
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { VisibilityTimeout: '5', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:dlq`, maxReceiveCount: 1 }) },
    }));
    const other = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'other' }))).QueueUrl;
    for (const body of ['a', 'b', 'c']) await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageAttributes: { k: { DataType: 'String', StringValue: body } } }));
    await sqs.client.send(new SendMessageCommand({ QueueUrl: other, MessageBody: 'purged' }));
    await sqs.client.send(new PurgeQueueCommand({ QueueUrl: other }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 3 }));
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages?.[0].ReceiptHandle }));
    await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: Messages?.[1].ReceiptHandle, VisibilityTimeout: 100 }));
    clock.advance(5000);
    await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
  }

  test('replaying the mutation records in order rebuilds the same state', async () => {
    // GIVEN
    await exercise();
    // WHEN
    const rebuilt = new SqsService({ now: clock.now });
    rebuilt.replay(journal);
    // THEN
    expect(rebuilt.snapshot()).toEqual(sqs.service.snapshot());
    expect(rebuilt.counters('orders')).toMatchObject({ sent: 3, received: 3, deleted: 1, movedToDeadLetterQueue: 1 });
    expect(rebuilt.getQueueAttributes('dlq', ['ApproximateNumberOfMessages'])).toEqual({ ApproximateNumberOfMessages: '1' });
    rebuilt.close();
  });

  test('a snapshot survives JSON and restores receipt handles, visibility and counters', async () => {
    // GIVEN
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '30' } }));
    await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'in flight' }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl }));
    const handle = Messages?.[0].ReceiptHandle ?? '';
    // WHEN
    const restored = new SqsService({ now: clock.now });
    restored.restore(JSON.parse(JSON.stringify(sqs.service.snapshot())));
    // THEN
    expect(restored.getQueueAttributes('orders', ['ApproximateNumberOfMessagesNotVisible'])).toEqual({ ApproximateNumberOfMessagesNotVisible: '1' });
    clock.advance(30_000);
    const again = await restored.receiveMessages('orders');
    expect(again[0].attributes.ApproximateReceiveCount).toBe('2');
    restored.deleteMessage('orders', again[0].receiptHandle);
    restored.deleteMessage('orders', handle);
    expect(restored.counters('orders')).toMatchObject({ sent: 1, received: 2, deleted: 1 });
    restored.close();
  });

  test('a RUNNING move task resumes after restore', async () => {
    // GIVEN: a task paced at 1 message/second, snapshotted after its first move
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders', Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:dlq`, maxReceiveCount: 1 }) },
    }));
    for (const body of ['x', 'y']) sqs.service.sendMessage('dlq', body);
    sqs.service.startMessageMoveTask({ sourceArn: `${ARN}:dlq`, maxNumberOfMessagesPerSecond: 1 });
    await vi.waitFor(() => expect(sqs.service.counters('orders').sent).toBe(1), { timeout: 2000, interval: 10 });
    const snapshot = sqs.service.snapshot();
    sqs.service.close();
    // WHEN
    const restored = new SqsService({ now: clock.now });
    restored.restore(snapshot);
    // THEN
    await vi.waitFor(() => expect(restored.listMessageMoveTasks(`${ARN}:dlq`)[0]).toMatchObject({ status: 'COMPLETED', approximateNumberOfMessagesMoved: 2 }), { timeout: 3000, interval: 20 });
    expect(restored.getQueueAttributes('orders', ['ApproximateNumberOfMessages'])).toEqual({ ApproximateNumberOfMessages: '2' });
    restored.close();
  });

  test('every mutation reaches the onMutation listener, and unsubscribing stops it', async () => {
    const seen: string[] = [];
    const unsubscribe = sqs.service.onMutation((m) => seen.push(m.type));
    sqs.service.createQueue('q');
    sqs.service.sendMessage('q', 'one');
    unsubscribe();
    sqs.service.sendMessage('q', 'two');
    expect(seen).toEqual(['createQueue', 'sendMessage']);
  });
});
