import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  defineConsumer,
  type ConsumerEvent,
  type DefineConsumerOptions,
} from '../../../../lambdas/consumers/kit/index.js';
import { createHashKeyTable, startDynalite, type LocalDynamo } from '../../../helpers/consumers/dynalite.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../../helpers/consumers/events.js';
import { createLatch } from '../../../helpers/consumers/latch.js';

describe('defineConsumer against dynalite', () => {
  let dynamo: LocalDynamo;
  let table: string;
  let tableCount = 0;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo.close();
  });
  beforeEach(async () => {
    table = `idempotency-${++tableCount}`;
    await createHashKeyTable(dynamo.client, table, 'id');
  });

  /** Kit options for one consumer; each gets its own persistence layer, as each Lambda has. */
  const options = (consumer: string): DefineConsumerOptions => ({
    consumer,
    logger: new Logger({ logLevel: 'SILENT' }),
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: table, awsSdkV3Client: dynamo.client }),
  });

  const scanTable = async (): Promise<Record<string, unknown>[]> => {
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const { Items = [] } = await documents.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
    return Items;
  };

  it('runs the function once for a duplicate delivery of the same source + id', async () => {
    // GIVEN a consumer counting its calls, and one envelope delivered in two SQS messages
    const seen: string[] = [];
    const handler = defineConsumer(async (event) => {
      seen.push(event.id);
      return { handled: event.id };
    }, options('crm-sync'));
    const envelope = makeEnvelope();

    // WHEN both deliveries are processed, one after the other
    const first = await handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext());
    const second = await handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext());

    // THEN the function ran once and neither delivery failed
    expect(seen).toEqual([envelope.id]);
    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
  });

  it('keeps the idempotency record completed for 31 days by default, keyed per consumer', async () => {
    // GIVEN a consumer with the default record expiry
    const handler = defineConsumer(async () => ({ ok: true }), options('finance-posting'));
    const before = Math.floor(Date.now() / 1000);

    // WHEN it processes one event
    await handler(makeSqsEvent(makeSqsRecord(makeEnvelope())), makeLambdaContext());

    // THEN one COMPLETED record expires 31 days out (not Powertools' 1 hour), prefixed with the consumer
    const items = await scanTable();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'COMPLETED', data: { ok: true } });
    expect(String(items[0]!.id)).toMatch(/^hookbridge\.finance-posting#/);
    expect(DEFAULT_IDEMPOTENCY_TTL_SECONDS).toBe(31 * 24 * 3600);
    const expiration = Number(items[0]!.expiration);
    expect(expiration).toBeGreaterThanOrEqual(before + DEFAULT_IDEMPOTENCY_TTL_SECONDS);
    expect(expiration).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + DEFAULT_IDEMPOTENCY_TTL_SECONDS);
  });

  it('runs the same event once per consumer: the consumer is part of the key', async () => {
    // GIVEN two consumers sharing one idempotency table
    const calls: string[] = [];
    const crm = defineConsumer(async () => void calls.push('crm'), options('crm-sync'));
    const fraud = defineConsumer(async () => void calls.push('fraud'), options('fraud-check'));
    const envelope = makeEnvelope();

    // WHEN both receive the same event
    await crm(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext());
    await fraud(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext());

    // THEN each ran it
    expect(calls).toEqual(['crm', 'fraud']);
  });

  it('treats the same id from another source as another event', async () => {
    // GIVEN one consumer and two envelopes that share an id but not a source
    const seen: string[] = [];
    const handler = defineConsumer(async (event) => void seen.push(event.source), options('audit'));
    const id = 'delivery-1';

    // WHEN both are processed
    await handler(
      makeSqsEvent(
        makeSqsRecord(makeEnvelope({ id, source: 'webhooks.github' })),
        makeSqsRecord(makeEnvelope({ id, source: 'webhooks.stripe' })),
      ),
      makeLambdaContext(),
    );

    // THEN both ran
    expect(seen.sort()).toEqual(['webhooks.github', 'webhooks.stripe']);
  });

  it('answers a concurrent duplicate with a batch item failure while the first is still running', async () => {
    // GIVEN a consumer whose first call is held on a latch
    const latch = createLatch();
    let calls = 0;
    const handler = defineConsumer(async () => {
      calls += 1;
      await latch.wait();
    }, options('fulfillment-prep'));
    const envelope = makeEnvelope();
    const duplicate = makeSqsRecord(envelope, { messageId: 'duplicate-message' });

    // WHEN the first delivery is in progress and a second invocation gets the same event
    const firstInvocation = handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext(30_000));
    await latch.reached;
    const second = await handler(makeSqsEvent(duplicate), makeLambdaContext());

    // THEN the duplicate is reported failed (SQS retries it later) and the function ran once
    expect(second.batchItemFailures).toEqual([{ itemIdentifier: 'duplicate-message' }]);
    expect(calls).toBe(1);

    // AND the in-progress lock expires with the first Lambda's remaining time, not the record TTL
    const [inProgress] = await scanTable();
    expect(inProgress).toMatchObject({ status: 'INPROGRESS' });
    const lockExpiry = Number(inProgress!.in_progress_expiration);
    expect(lockExpiry).toBeGreaterThan(Date.now());
    expect(lockExpiry).toBeLessThanOrEqual(Date.now() + 30_000);

    // AND once released, the first completes and the retried duplicate is a no-op success
    latch.release();
    expect((await firstInvocation).batchItemFailures).toEqual([]);
    const retried = await handler(makeSqsEvent(makeSqsRecord(envelope, { receiveCount: 2 })), makeLambdaContext());
    expect(retried.batchItemFailures).toEqual([]);
    expect(calls).toBe(1);
  });

  it('reports only the failing record of a batch and completes the others', async () => {
    // GIVEN three events, the middle one making the function throw
    const done: string[] = [];
    const handler = defineConsumer(async (event: ConsumerEvent<{ fail?: boolean }>) => {
      if (event.data?.fail) throw new Error('downstream said no');
      done.push(event.id);
    }, options('crm-sync'));
    const [a, b, c] = [makeEnvelope({ id: 'a' }), makeEnvelope({ id: 'b', data: { fail: true } }), makeEnvelope({ id: 'c' })];

    // WHEN the batch is processed
    const response = await handler(
      makeSqsEvent(
        makeSqsRecord(a!, { messageId: 'm-a' }),
        makeSqsRecord(b!, { messageId: 'm-b' }),
        makeSqsRecord(c!, { messageId: 'm-c' }),
      ),
      makeLambdaContext(),
    );

    // THEN only the middle message is a batch item failure, and the others' side effects happened
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-b' }]);
    expect(done.sort()).toEqual(['a', 'c']);
    // AND the failed event left no record behind, so its retry runs the function again
    const ids = (await scanTable()).map((item) => item.status);
    expect(ids).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('runs a failed event again on its retry', async () => {
    // GIVEN a function that fails on the first attempt only
    let attempts = 0;
    const handler = defineConsumer(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('transient');
    }, options('crm-sync'));
    const envelope = makeEnvelope();

    // WHEN the message is delivered, fails, and is delivered again
    const first = await handler(makeSqsEvent(makeSqsRecord(envelope, { messageId: 'm1' })), makeLambdaContext());
    const second = await handler(
      makeSqsEvent(makeSqsRecord(envelope, { messageId: 'm1', receiveCount: 2 })),
      makeLambdaContext(),
    );

    // THEN the retry ran the function and succeeded
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(second.batchItemFailures).toEqual([]);
    expect(attempts).toBe(2);
  });

  it('reports every record when the whole batch fails, instead of throwing', async () => {
    // GIVEN a function that always throws
    const handler = defineConsumer(async () => {
      throw new Error('down');
    }, options('crm-sync'));

    // WHEN a batch of two is processed
    const response = await handler(
      makeSqsEvent(
        makeSqsRecord(makeEnvelope(), { messageId: 'x' }),
        makeSqsRecord(makeEnvelope(), { messageId: 'y' }),
      ),
      makeLambdaContext(),
    );

    // THEN both are listed as failures
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'x' }, { itemIdentifier: 'y' }]);
  });

  it('fails a record whose body is not an EventBridge event with an envelope', async () => {
    // GIVEN a malformed message next to a good one
    const seen: string[] = [];
    const handler = defineConsumer(async (event) => void seen.push(event.id), options('crm-sync'));
    const good = makeEnvelope({ id: 'good' });

    // WHEN the batch is processed
    const response = await handler(
      makeSqsEvent(
        makeSqsRecord(good, { messageId: 'bad', body: JSON.stringify({ detail: { id: 'no-source' } }) }),
        makeSqsRecord(good, { messageId: 'ok' }),
      ),
      makeLambdaContext(),
    );

    // THEN only the malformed one fails
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(seen).toEqual(['good']);
  });

  it('hands the function a context with the consumer, the record, the receive count and the Lambda context', async () => {
    // GIVEN a consumer that captures its context
    let captured: { consumer: string; messageId: string; receiveCount: number; remaining: number } | undefined;
    const handler = defineConsumer(async (_event, context) => {
      captured = {
        consumer: context.consumer,
        messageId: context.record.messageId,
        receiveCount: context.receiveCount,
        remaining: context.getRemainingTimeInMillis(),
      };
    }, options('crm-sync'));

    // WHEN it processes a third delivery
    await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope(), { messageId: 'm-ctx', receiveCount: 3 })),
      makeLambdaContext(12_345),
    );

    // THEN the context carries all of it
    expect(captured).toEqual({ consumer: 'crm-sync', messageId: 'm-ctx', receiveCount: 3, remaining: 12_345 });
  });
});
