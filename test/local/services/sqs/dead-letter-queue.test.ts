import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { manualClock, startSqsEmulator, type ManualClock, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

const ARN = 'arn:aws:sqs:us-east-1:000000000000';

describe('SQS emulator: dead-letter queues and redrive', () => {
  let sqs: SqsEmulator;
  let clock: ManualClock;
  let sourceUrl: string;
  let dlqUrl: string;

  async function visibleCount(queueUrl: string): Promise<number> {
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    return Number(Attributes?.ApproximateNumberOfMessages);
  }

  /** Receives without deleting `times` times, letting the visibility timeout lapse each time. */
  async function failDelivery(times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) {
      await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: sourceUrl, MaxNumberOfMessages: 10 }));
      clock.advance(10_000);
    }
  }

  beforeEach(async () => {
    clock = manualClock();
    sqs = await startSqsEmulator({ now: clock.now });
    dlqUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders-dlq' }))).QueueUrl ?? '';
    sourceUrl = (await sqs.client.send(new CreateQueueCommand({
      QueueName: 'orders',
      Attributes: { VisibilityTimeout: '10', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:orders-dlq`, maxReceiveCount: 3 }) },
    }))).QueueUrl ?? '';
  });
  afterEach(async () => {
    await sqs.stop();
  });

  test('a message received maxReceiveCount times moves to the DLQ on the next receive instead of being returned, keeping its MessageId and receive count', async () => {
    // GIVEN
    const sent = await sqs.client.send(new SendMessageCommand({ QueueUrl: sourceUrl, MessageBody: 'poison' }));
    await failDelivery(3);
    // WHEN
    const fourth = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: sourceUrl }));
    // THEN
    expect(fourth.Messages).toBeUndefined();
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['All'] }));
    expect(Messages?.[0]).toMatchObject({ MessageId: sent.MessageId, Body: 'poison' });
    expect(Messages?.[0].Attributes?.ApproximateReceiveCount).toBe('4');
    expect(sqs.service.counters('orders').movedToDeadLetterQueue).toBe(1);
  });

  test('a message received fewer than maxReceiveCount times stays in the source queue', async () => {
    await sqs.client.send(new SendMessageCommand({ QueueUrl: sourceUrl, MessageBody: 'flaky' }));
    await failDelivery(2);
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: sourceUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(Messages?.[0].Attributes?.ApproximateReceiveCount).toBe('3');
    expect(await visibleCount(dlqUrl)).toBe(0);
  });

  test('StartMessageMoveTask moves DLQ messages back to their source queue; ListMessageMoveTasks reports COMPLETED with counts', async () => {
    // GIVEN
    for (const body of ['p1', 'p2']) await sqs.client.send(new SendMessageCommand({ QueueUrl: sourceUrl, MessageBody: body }));
    await failDelivery(4);
    expect(await visibleCount(dlqUrl)).toBe(2);
    // WHEN
    const { TaskHandle } = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq` }));
    // THEN
    await vi.waitFor(async () => {
      const { Results } = await sqs.client.send(new ListMessageMoveTasksCommand({ SourceArn: `${ARN}:orders-dlq` }));
      expect(Results?.[0]).toMatchObject({
        TaskHandle,
        Status: 'COMPLETED',
        SourceArn: `${ARN}:orders-dlq`,
        ApproximateNumberOfMessagesMoved: 2,
        ApproximateNumberOfMessagesToMove: 2,
        StartedTimestamp: clock.now(),
      });
      expect(Results?.[0].DestinationArn).toBeUndefined();
    }, { timeout: 5000, interval: 20 });
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: sourceUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(Messages?.map((m) => m.Body).sort()).toEqual(['p1', 'p2']);
    // Redriven messages are new messages: the receive count starts again.
    expect(Messages?.map((m) => m.Attributes?.ApproximateReceiveCount)).toEqual(['1', '1']);
    expect(await visibleCount(dlqUrl)).toBe(0);
  });

  test('StartMessageMoveTask with DestinationArn moves to that queue', async () => {
    const elsewhere = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'elsewhere' }))).QueueUrl ?? '';
    await sqs.client.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: 'direct' }));
    await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq`, DestinationArn: `${ARN}:elsewhere` }));
    await vi.waitFor(async () => expect(await visibleCount(elsewhere)).toBe(1), { timeout: 5000, interval: 20 });
    const { Results } = await sqs.client.send(new ListMessageMoveTasksCommand({ SourceArn: `${ARN}:orders-dlq`, MaxResults: 10 }));
    expect(Results?.[0]).toMatchObject({ DestinationArn: `${ARN}:elsewhere`, Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 1 });
  });

  test('MaxNumberOfMessagesPerSecond paces the task and CancelMessageMoveTask stops it', async () => {
    // GIVEN
    for (let i = 0; i < 5; i += 1) await sqs.client.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: `m${i}` }));
    const { TaskHandle } = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq`, MaxNumberOfMessagesPerSecond: 1 }));
    await vi.waitFor(async () => expect(await visibleCount(sourceUrl)).toBe(1), { timeout: 2000, interval: 10 });
    // WHEN
    const { ApproximateNumberOfMessagesMoved } = await sqs.client.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
    // THEN
    expect(ApproximateNumberOfMessagesMoved).toBe(1);
    const { Results } = await sqs.client.send(new ListMessageMoveTasksCommand({ SourceArn: `${ARN}:orders-dlq` }));
    expect(Results?.[0]).toMatchObject({ Status: 'CANCELLED', MaxNumberOfMessagesPerSecond: 1, ApproximateNumberOfMessagesToMove: 5 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await visibleCount(dlqUrl)).toBe(4);
  });

  test('fails if the move source is not a dead-letter queue', async () => {
    const error = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders` })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: 'Source queue must be configured as a Dead Letter Queue.' });
  });

  test('fails if the move source does not exist (ResourceNotFoundException)', async () => {
    const error = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:missing` })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('fails if a task is already running on the source queue', async () => {
    for (let i = 0; i < 3; i += 1) await sqs.client.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: `m${i}` }));
    await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq`, MaxNumberOfMessagesPerSecond: 1 }));
    const error = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq` })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnsupportedOperation', message: expect.stringMatching(/already running/) });
  });

  test('fails if MaxNumberOfMessagesPerSecond is above 500', async () => {
    const error = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: `${ARN}:orders-dlq`, MaxNumberOfMessagesPerSecond: 501 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/MaxNumberOfMessagesPerSecond/) });
  });

  test('fails if CancelMessageMoveTask names an unknown task (ResourceNotFoundException)', async () => {
    const error = await sqs.client.send(new CancelMessageMoveTaskCommand({ TaskHandle: 'nope' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Task does not exist.' });
  });
});
