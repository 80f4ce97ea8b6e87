import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LambdaRunner } from '../../../local/lambda/index.js';
import { InvalidEventSourceMappingError, SqsPoller, type SqsEventSourceMappingConfig } from '../../../local/pollers/index.js';
import { InMemoryQueue } from '../../helpers/lambda/InMemoryQueue.js';
import { fixtureDir } from '../../helpers/lambda/fixtures.js';
import { logCollector, type LogCollector } from '../../helpers/lambda/logCollector.js';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:orders';

let logs: LogCollector;
let consumer: LambdaRunner;
const pollers: SqsPoller[] = [];

beforeAll(() => {
  logs = logCollector();
  consumer = new LambdaRunner(
    { functionName: 'consumer', assetDir: fixtureDir('sqs-consumer'), handler: 'index.handler', timeoutSeconds: 10 },
    { logSink: (entry) => logs.sink(entry), maxConcurrency: 10 },
  );
});

afterAll(async () => {
  await consumer.shutdown(100);
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop(2_000)));
  logs = logCollector();
});

function poller(queue: InMemoryQueue, config: Partial<SqsEventSourceMappingConfig> = {}): SqsPoller {
  const created = new SqsPoller(
    { id: 'OrdersMapping', queueArn: QUEUE_ARN, functionName: 'consumer', ...config },
    queue,
    (event) => consumer.invoke(event),
    { onError: (error) => { throw error; } },
  );
  pollers.push(created);
  return created;
}

/** Record ids of each batch the consumer logged, in order. */
function batches(): string[][] {
  return logs.messages().filter((m) => m.startsWith('batch ')).map((m) => JSON.parse(m.slice('batch '.length)) as string[]);
}

const body = (action: string, sleepMs = 0): string => JSON.stringify({ action, sleepMs });

describe('SqsPoller batching', () => {
  it('invokes with at most BatchSize records', async () => {
    // GIVEN 25 messages on the queue and a mapping with BatchSize 10 and a 1 s window
    const queue = new InMemoryQueue(QUEUE_ARN);
    for (let i = 0; i < 25; i += 1) queue.send(body('ok'));
    const mapping = poller(queue, { batchSize: 10, maximumBatchingWindowInSeconds: 1 });

    // WHEN the mapping runs
    mapping.start();

    // THEN the records arrive in batches of 10, 10 and 5 and all are deleted
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 5_000 }).toBe(25);
    expect(batches().map((batch) => batch.length).sort((a, b) => a - b)).toEqual([5, 10, 10]);
    expect(queue.remainingIds()).toEqual([]);
    expect(mapping.stats()).toMatchObject({ invocations: 3, recordsReceived: 25, recordsFailed: 0, failedInvocations: 0 });
  });

  it('gathers records until the batching window elapses', async () => {
    // GIVEN a mapping with a large batch and a 1 s window
    const queue = new InMemoryQueue(QUEUE_ARN);
    const mapping = poller(queue, { batchSize: 100, maximumBatchingWindowInSeconds: 1 });
    mapping.start();

    // WHEN 3 messages arrive, then 2 more 300 ms later
    const first = Date.now();
    const ids = [queue.send(body('ok')), queue.send(body('ok')), queue.send(body('ok'))];
    await new Promise((resolve) => setTimeout(resolve, 300));
    ids.push(queue.send(body('ok')), queue.send(body('ok')));

    // THEN one invocation carries all 5, not before the window elapsed
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 5_000 }).toBe(5);
    expect(batches()).toEqual([ids]);
    const invokedAt = logs.entries.find((entry) => entry.message.startsWith('batch '))?.timestamp.getTime() ?? 0;
    expect(invokedAt - first).toBeGreaterThanOrEqual(950);
  });

  it('invokes as soon as records arrive without a batching window', async () => {
    // GIVEN a mapping with no window
    const queue = new InMemoryQueue(QUEUE_ARN);
    const mapping = poller(queue, { batchSize: 10 });
    mapping.start();

    // WHEN one message arrives
    const sent = Date.now();
    queue.send(body('ok'));

    // THEN it is processed well within a second
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 2_000 }).toBe(1);
    expect(Date.now() - sent).toBeLessThan(1_000);
  });
});

describe('SqsPoller delivery', () => {
  it('delivers the Lambda SQS event to the function', async () => {
    // GIVEN a function that logs the event it receives
    const echo = new LambdaRunner(
      { functionName: 'echo', assetDir: fixtureDir('sqs-consumer'), handler: 'index.echo' },
      { logSink: (entry) => logs.sink(entry) },
    );
    const queue = new InMemoryQueue(QUEUE_ARN);
    const id = queue.send('{"hello":"world"}', { traceId: { DataType: 'String', StringValue: 't-1' } });
    const mapping = new SqsPoller({ id: 'Echo', queueArn: QUEUE_ARN, functionName: 'echo' }, queue, (event) => echo.invoke(event));
    pollers.push(mapping);

    // WHEN the mapping delivers the message
    mapping.start();
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 5_000 }).toBe(1);
    await echo.shutdown();

    // THEN the function saw one record in Lambda's shape
    const line = logs.messages('echo').find((message) => message.startsWith('event '));
    const event = JSON.parse(line?.slice('event '.length) ?? '{}') as { Records: Array<Record<string, unknown>> };
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      messageId: id,
      body: '{"hello":"world"}',
      attributes: { ApproximateReceiveCount: '1', SenderId: 'AIDAIENQZJOLO23YVJ4VO' },
      messageAttributes: { traceId: { stringValue: 't-1', stringListValues: [], binaryListValues: [], dataType: 'String' } },
      md5OfBody: 'fbc24bcc7a1794758fc1327fcfebdaf6',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-1',
    });
    expect(typeof event.Records[0]?.receiptHandle).toBe('string');
  });
});

describe('SqsPoller failures', () => {
  it('leaves exactly the reported batch item failures on the queue', async () => {
    // GIVEN a batch of 4 where the function reports 2 failures
    const queue = new InMemoryQueue(QUEUE_ARN);
    const ok1 = queue.send(body('ok'));
    const fail1 = queue.send(body('fail'));
    const ok2 = queue.send(body('ok'));
    const fail2 = queue.send(body('fail'));
    const mapping = poller(queue, { batchSize: 10, reportBatchItemFailures: true });

    // WHEN the mapping processes it
    mapping.start();
    await expect.poll(() => mapping.stats().recordsFailed, { timeout: 5_000 }).toBe(2);

    // THEN the successes are deleted and the failures wait for their visibility timeout
    expect(batches()).toEqual([[ok1, fail1, ok2, fail2]]);
    expect(queue.remainingIds().sort()).toEqual([fail1, fail2].sort());
    expect(queue.visibleCount()).toBe(0);
    expect(mapping.stats()).toMatchObject({ invocations: 1, recordsProcessed: 2, recordsFailed: 2, failedInvocations: 0 });
  });

  it('redelivers failed records after their visibility timeout', async () => {
    // GIVEN a queue with a 1 s visibility timeout and a record the function always reports failed
    const queue = new InMemoryQueue(QUEUE_ARN, { visibilityTimeoutSeconds: 1 });
    const failing = queue.send(body('fail'));
    const mapping = poller(queue, { reportBatchItemFailures: true });

    // WHEN the mapping runs past the visibility timeout
    mapping.start();

    // THEN the record is delivered again, with a higher receive count
    await expect.poll(() => mapping.stats().invocations, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(queue.receiveCount(failing)).toBeGreaterThanOrEqual(2);
    expect(batches().slice(0, 2)).toEqual([[failing], [failing]]);
  });

  it('leaves the whole batch when the function throws', async () => {
    // GIVEN a batch whose second record makes the function throw
    const queue = new InMemoryQueue(QUEUE_ARN);
    const ids = [queue.send(body('ok')), queue.send(body('throw')), queue.send(body('ok'))];
    const mapping = poller(queue, { reportBatchItemFailures: true });

    // WHEN the mapping processes it
    mapping.start();
    await expect.poll(() => mapping.stats().failedInvocations, { timeout: 5_000 }).toBe(1);

    // THEN nothing is deleted
    expect(queue.remainingIds().sort()).toEqual([...ids].sort());
    expect(mapping.stats()).toMatchObject({ recordsProcessed: 0, recordsFailed: 3 });
  });

  it.each(['bad-id', 'null-id', 'no-key', 'empty-id'])('leaves the whole batch on an invalid partial response (%s)', async (action) => {
    // GIVEN a batch whose function answers an invalid batchItemFailures list
    const queue = new InMemoryQueue(QUEUE_ARN);
    const ids = [queue.send(body('ok')), queue.send(body(action))];
    const mapping = poller(queue, { reportBatchItemFailures: true });

    // WHEN the mapping processes it
    mapping.start();
    await expect.poll(() => mapping.stats().failedInvocations, { timeout: 5_000 }).toBe(1);

    // THEN no record is deleted
    expect(queue.remainingIds().sort()).toEqual([...ids].sort());
    expect(mapping.stats().recordsProcessed).toBe(0);
  });

  it('deletes the whole batch after a success without ReportBatchItemFailures', async () => {
    // GIVEN a function that reports a failure, on a mapping that does not ask for reports
    const queue = new InMemoryQueue(QUEUE_ARN);
    queue.send(body('ok'));
    queue.send(body('fail'));
    const mapping = poller(queue);

    // WHEN the mapping processes the batch
    mapping.start();

    // THEN the response is ignored and both records are deleted
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 5_000 }).toBe(2);
    expect(queue.remainingIds()).toEqual([]);
  });
});

describe('SqsPoller concurrency and lifecycle', () => {
  it('runs at most MaximumConcurrency invocations at once', async () => {
    // GIVEN 8 slow records, one per batch, and a mapping limited to 2 concurrent invocations
    const queue = new InMemoryQueue(QUEUE_ARN);
    for (let i = 0; i < 8; i += 1) queue.send(body('ok', 300));
    const mapping = poller(queue, { batchSize: 1, maximumConcurrency: 2 });

    // WHEN the mapping runs (the function itself could run 10 at once)
    mapping.start();
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 10_000 }).toBe(8);

    // THEN exactly 2 ran at the same time
    expect(logs.maxConcurrent()).toBe(2);
    expect(mapping.stats().invocations).toBe(8);
  });

  it('uses 5 concurrent invocations when MaximumConcurrency is not set', async () => {
    const queue = new InMemoryQueue(QUEUE_ARN);
    // (long enough to overlap even while new workers cold-start on a busy machine)
    for (let i = 0; i < 10; i += 1) queue.send(body('ok', 1_000));
    const mapping = poller(queue, { batchSize: 1 });

    mapping.start();
    await expect.poll(() => mapping.stats().recordsProcessed, { timeout: 10_000 }).toBe(10);

    expect(logs.maxConcurrent()).toBe(5);
  });

  it('waits for in-flight invocations on stop', async () => {
    // GIVEN an invocation in flight
    const queue = new InMemoryQueue(QUEUE_ARN);
    queue.send(body('ok', 500));
    const mapping = poller(queue);
    mapping.start();
    await expect.poll(() => mapping.stats().inFlight, { timeout: 5_000 }).toBe(1);

    // WHEN the mapping stops
    await mapping.stop();

    // THEN the batch was settled before stop returned
    expect(mapping.stats()).toMatchObject({ inFlight: 0, recordsProcessed: 1, running: false });
    expect(queue.remainingIds()).toEqual([]);
  });

  it('does not poll a disabled mapping', async () => {
    const queue = new InMemoryQueue(QUEUE_ARN);
    queue.send(body('ok'));
    const mapping = poller(queue, { enabled: false });

    mapping.start();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(queue.receives).toEqual([]);
    expect(mapping.stats().running).toBe(false);
  });

  it('fails if the settings break the rules Lambda enforces', () => {
    const queue = new InMemoryQueue(QUEUE_ARN);

    expect(() => poller(queue, { batchSize: 20, maximumConcurrency: 1 })).toThrow(
      new InvalidEventSourceMappingError('OrdersMapping', [
        'MaximumBatchingWindowInSeconds must be at least 1 when BatchSize is above 10 (given BatchSize 20, window 0)',
        'ScalingConfig.MaximumConcurrency must be between 2 and 1000 (given 1)',
      ]),
    );
  });
});
