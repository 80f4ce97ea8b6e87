import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startSqsEmulator, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

describe('SQS emulator: long polling', () => {
  let sqs: SqsEmulator;
  let queueUrl: string;

  beforeEach(async () => {
    sqs = await startSqsEmulator();
    queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'orders' }))).QueueUrl ?? '';
  });
  afterEach(async () => {
    await sqs.stop();
  });

  test('a long poll wakes on send well before WaitTimeSeconds', async () => {
    // GIVEN
    const started = Date.now();
    const poll = sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // WHEN
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'wake' }));
    const { Messages } = await poll;
    // THEN
    expect(Messages?.[0].Body).toBe('wake');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a long poll with no message returns empty after WaitTimeSeconds', async () => {
    const started = Date.now();
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));
    expect(Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('the queue\'s ReceiveMessageWaitTimeSeconds makes every receive a long poll', async () => {
    const waiting = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'waiting', Attributes: { ReceiveMessageWaitTimeSeconds: '1' } }))).QueueUrl;
    const started = Date.now();
    await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: waiting }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('a long poll wakes when a delayed message becomes visible', async () => {
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'delayed', DelaySeconds: 1 }));
    const started = Date.now();
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 10 }));
    expect(Messages?.[0].Body).toBe('delayed');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('fails if WaitTimeSeconds is above 20', async () => {
    const error = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 21 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringMatching(/WaitTimeSeconds/) });
  });

  test('waitForMessages resolves true on send and false on timeout (in-process pollers)', async () => {
    // GIVEN
    const woken = sqs.service.waitForMessages('orders', { timeoutMs: 10_000 });
    setTimeout(() => sqs.service.sendMessage('arn:aws:sqs:us-east-1:000000000000:orders', 'from EventBridge'), 50);
    // WHEN / THEN
    await expect(woken).resolves.toBe(true);
    const received = await sqs.service.receiveMessages('orders', { maxNumberOfMessages: 10 });
    await expect(sqs.service.waitForMessages('orders', { timeoutMs: 100 })).resolves.toBe(false);
    expect(received.map((m) => m.body)).toEqual(['from EventBridge']);
    expect(received[0].eventSourceArn).toBe('arn:aws:sqs:us-east-1:000000000000:orders');
  });

  test('waitForMessages resolves false when its signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sqs.service.waitForMessages('orders', { timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
