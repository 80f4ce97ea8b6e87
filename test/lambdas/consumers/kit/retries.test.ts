import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineConsumer, type DefineConsumerOptions } from '../../../../lambdas/consumers/kit/index.js';
import { createHashKeyTable, startDynalite, type LocalDynamo } from '../../../helpers/consumers/dynalite.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../../helpers/consumers/events.js';
import { startFakeSqs, type FakeSqs } from '../../../helpers/consumers/fakeSqs.js';
import { createLatch } from '../../../helpers/consumers/latch.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/hookbridge-crm-sync';

describe('retry with backoff through ChangeMessageVisibility', () => {
  let dynamo: LocalDynamo;
  let sqs: FakeSqs;
  let table: string;
  let tableCount = 0;

  beforeAll(async () => {
    [dynamo, sqs] = await Promise.all([startDynalite(), startFakeSqs()]);
  });
  afterAll(async () => {
    await Promise.all([dynamo.close(), sqs.close()]);
  });
  beforeEach(async () => {
    sqs.calls.length = 0;
    sqs.failing = false;
    table = `idempotency-${++tableCount}`;
    await createHashKeyTable(dynamo.client, table, 'id');
  });

  const options = (overrides: Partial<DefineConsumerOptions> = {}): DefineConsumerOptions => ({
    consumer: 'crm-sync',
    logger: new Logger({ logLevel: 'SILENT' }),
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: table, awsSdkV3Client: dynamo.client }),
    sqsClient: sqs.client,
    queueUrl: QUEUE_URL,
    backoffBaseSeconds: 2,
    backoffMaxSeconds: 900,
    ...overrides,
  });

  const failOn = (ids: readonly string[]) => async (event: { id: string }) => {
    if (ids.includes(event.id)) throw new Error(`refused ${event.id}`);
  };

  it('delays a failed message by the exponential window of its receive count, jittered within it', async () => {
    // GIVEN a consumer that fails one event, delivered for the 4th time (window 2 * 2^3 = 16 s)
    const handler = defineConsumer(failOn(['bad']), options());
    const record = makeSqsRecord(makeEnvelope({ id: 'bad' }), { messageId: 'm-bad', receiveCount: 4 });

    // WHEN the batch is processed
    const response = await handler(makeSqsEvent(record), makeLambdaContext());

    // THEN the message is reported failed and its visibility changed once, within [0, 16]
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-bad' }]);
    expect(sqs.calls).toHaveLength(1);
    const [call] = sqs.calls;
    expect(call).toMatchObject({ QueueUrl: QUEUE_URL, ReceiptHandle: record.receiptHandle });
    expect(Number.isInteger(call!.VisibilityTimeout)).toBe(true);
    expect(call!.VisibilityTimeout).toBeGreaterThanOrEqual(0);
    expect(call!.VisibilityTimeout).toBeLessThanOrEqual(16);
  });

  it('uses the injected random source for the jitter: a value of 0.75 on window 16 gives 12 s', async () => {
    // GIVEN a deterministic jitter source
    const handler = defineConsumer(failOn(['bad']), options({ random: () => 0.75 }));

    // WHEN a 4th delivery fails
    await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ id: 'bad' }), { receiveCount: 4 })),
      makeLambdaContext(),
    );

    // THEN floor(0.75 * 17) = 12 seconds
    expect(sqs.calls.map((c) => c.VisibilityTimeout)).toEqual([12]);
  });

  it('caps the delay at backoffMaxSeconds for a message received many times', async () => {
    // GIVEN a cap of 60 s and a random source at its top
    const handler = defineConsumer(failOn(['bad']), options({ backoffMaxSeconds: 60, random: () => 0.999_999 }));

    // WHEN a 10th delivery fails (uncapped window: 2 * 2^9 = 1024 s)
    await handler(makeSqsEvent(makeSqsRecord(makeEnvelope({ id: 'bad' }), { receiveCount: 10 })), makeLambdaContext());

    // THEN the delay is the cap
    expect(sqs.calls.map((c) => c.VisibilityTimeout)).toEqual([60]);
  });

  it('changes the visibility of failed messages only', async () => {
    // GIVEN a batch of three where the middle one fails
    const handler = defineConsumer(failOn(['b']), options());
    const records = ['a', 'b', 'c'].map((id) => makeSqsRecord(makeEnvelope({ id }), { messageId: `m-${id}` }));

    // WHEN it is processed
    const response = await handler(makeSqsEvent(...records), makeLambdaContext());

    // THEN only the middle one is delayed and reported
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-b' }]);
    expect(sqs.calls.map((c) => c.ReceiptHandle)).toEqual([records[1]!.receiptHandle]);
  });

  it('still reports the failure when ChangeMessageVisibility itself fails', async () => {
    // GIVEN an SQS endpoint rejecting visibility changes
    sqs.failing = true;
    const handler = defineConsumer(failOn(['bad']), options());

    // WHEN a failing message is processed
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ id: 'bad' }), { messageId: 'm-bad' })),
      makeLambdaContext(),
    );

    // THEN the message is still a batch item failure (retried after the queue's visibility timeout)
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-bad' }]);
    expect(sqs.calls).toEqual([]);
  });

  it('delays a concurrent duplicate until the holder\'s lock can have expired', async () => {
    // GIVEN a first delivery held on a latch, in a function with 12 s left (its lock lasts that long)
    const latch = createLatch();
    const handler = defineConsumer(async () => latch.wait(), options({ random: () => 0.5 }));
    const envelope = makeEnvelope();
    const first = handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext(12_000));
    await latch.reached;

    // WHEN its duplicate arrives on a second receive (backoff alone: floor(0.5 * 5) = 2 s)
    const duplicate = makeSqsRecord(envelope, { messageId: 'dup', receiveCount: 2 });
    const response = await handler(makeSqsEvent(duplicate), makeLambdaContext(12_000));
    latch.release();
    await first;

    // THEN it is reported failed and delayed by the lock's 12 s, not the 2 s backoff, so a retry
    // never spends a receive on a lock that cannot have expired yet
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'dup' }]);
    expect(sqs.calls).toEqual([{ QueueUrl: QUEUE_URL, ReceiptHandle: duplicate.receiptHandle, VisibilityTimeout: 12 }]);
  });

  it('keeps the backoff for a concurrent duplicate when the backoff is the longer wait', async () => {
    // GIVEN a first delivery held on a latch, in a function with 1 s left
    const latch = createLatch();
    const handler = defineConsumer(async () => latch.wait(), options({ random: () => 0.5 }));
    const envelope = makeEnvelope();
    const first = handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext(1_000));
    await latch.reached;

    // WHEN its duplicate arrives on a second receive
    const duplicate = makeSqsRecord(envelope, { messageId: 'dup', receiveCount: 2 });
    const response = await handler(makeSqsEvent(duplicate), makeLambdaContext(1_000));
    latch.release();
    await first;

    // THEN the 2 s backoff wins over the 1 s lock
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'dup' }]);
    expect(sqs.calls).toEqual([{ QueueUrl: QUEUE_URL, ReceiptHandle: duplicate.receiptHandle, VisibilityTimeout: 2 }]);
  });
});
