import type { InvocationResult } from '../lambda/types.js';
import { settleWithin } from '../lambda/settleWithin.js';
import { buildSqsEvent, regionOfArn } from './buildSqsEvent.js';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAXIMUM_CONCURRENCY,
  DEFAULT_STOP_GRACE_MS,
  IDLE_REPOLL_MS,
  MAX_BATCHING_WINDOW_SECONDS,
  MAX_BATCH_SIZE,
  MAX_BATCH_SIZE_WITHOUT_WINDOW,
  MAX_INVOCATION_PAYLOAD_BYTES,
  MAX_MAXIMUM_CONCURRENCY,
  MAX_MESSAGES_PER_RECEIVE,
  MIN_MAXIMUM_CONCURRENCY,
} from './constants.js';
import { DeleteMessagesError, InvalidEventSourceMappingError, ReceiveMessagesError } from './errors.js';
import { interpretBatchResponse } from './interpretBatchResponse.js';
import type {
  InvokeFunction,
  PollerErrorSink,
  ReceivedQueueMessage,
  SqsEventSourceMappingConfig,
  SqsPollerStats,
  SqsQueuePort,
} from './types.js';

/** Options of the runtime around a mapping. */
export interface SqsPollerOptions {
  /** Problems outside the function (receive or delete failures). @default - written to stderr */
  readonly onError?: PollerErrorSink;
}

/**
 * A Lambda SQS event source mapping: polls a queue, gathers batches (`BatchSize`,
 * `MaximumBatchingWindowInSeconds`, the 6 MB payload limit), invokes the function with at most
 * `MaximumConcurrency` batches in flight, and deletes what succeeded — everything after a success,
 * or all but the reported `batchItemFailures` with `ReportBatchItemFailures`. Whatever is not
 * deleted comes back when its visibility timeout expires, so the queue's redrive policy applies.
 *
 * One gathering loop feeds the invocation slots, so a batching window collects one batch at a time
 * instead of several small ones; the window starts when the first record of a batch arrives.
 * Unlike AWS, the poller does not scale down after function errors.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
export class SqsPoller {
  public readonly id: string;
  private readonly config: SqsEventSourceMappingConfig;
  private readonly queue: SqsQueuePort;
  private readonly invoke: InvokeFunction;
  private readonly onError: PollerErrorSink;
  private readonly batchSize: number;
  private readonly windowMs: number;
  private readonly maximumConcurrency: number;
  private readonly region: string;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly carry: ReceivedQueueMessage[] = [];
  private abort = new AbortController();
  private running = false;
  private loop: Promise<void> | undefined;
  private slotFreed: (() => void) | undefined;
  private counters = { invocations: 0, failedInvocations: 0, recordsReceived: 0, recordsProcessed: 0, recordsFailed: 0 };

  /** @throws InvalidEventSourceMappingError listing every setting Lambda would reject */
  public constructor(config: SqsEventSourceMappingConfig, queue: SqsQueuePort, invoke: InvokeFunction, options: SqsPollerOptions = {}) {
    this.id = config.id;
    this.config = config;
    this.queue = queue;
    this.invoke = invoke;
    this.onError = options.onError ?? ((error) => process.stderr.write(`[${config.functionName}] ${error.message}\n`));
    this.batchSize = config.batchSize ?? DEFAULT_BATCH_SIZE;
    const windowSeconds = config.maximumBatchingWindowInSeconds ?? 0;
    this.windowMs = windowSeconds * 1000;
    this.maximumConcurrency = config.maximumConcurrency ?? DEFAULT_MAXIMUM_CONCURRENCY;
    this.region = config.region ?? regionOfArn(config.queueArn) ?? 'us-east-1';
    validate(config.id, this.batchSize, windowSeconds, config.maximumConcurrency);
  }

  /** Starts polling (no-op when the mapping is disabled or already running). */
  public start(): void {
    if (this.running || this.config.enabled === false) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.poll();
  }

  /**
   * Stops polling and waits up to `graceMs` for in-flight invocations to finish and settle their
   * batches. Messages received but not yet dispatched return after their visibility timeout.
   */
  public async stop(graceMs: number = DEFAULT_STOP_GRACE_MS): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    this.slotFreed?.();
    await this.loop;
    await settleWithin(this.inFlight, graceMs);
  }

  /** Counters for the inspection API. */
  public stats(): SqsPollerStats {
    return {
      id: this.id,
      queueArn: this.config.queueArn,
      functionName: this.config.functionName,
      ...this.counters,
      inFlight: this.inFlight.size,
      maximumConcurrency: this.maximumConcurrency,
      running: this.running,
    };
  }

  private async poll(): Promise<void> {
    while (this.running) {
      if (this.inFlight.size >= this.maximumConcurrency) {
        await new Promise<void>((resolve) => { this.slotFreed = resolve; });
        this.slotFreed = undefined;
        continue;
      }
      const batch = await this.gather();
      if (!this.running || batch.length === 0) continue;
      this.dispatch(batch);
    }
  }

  /** Receives until the batch is full, the window has elapsed or the payload limit is reached. */
  private async gather(): Promise<ReceivedQueueMessage[]> {
    const batch: ReceivedQueueMessage[] = [];
    let bytes = 0;
    let deadline: number | undefined;
    const take = (message: ReceivedQueueMessage): boolean => {
      const size = approximateSize(message);
      if (batch.length > 0 && (batch.length >= this.batchSize || bytes + size > MAX_INVOCATION_PAYLOAD_BYTES)) return false;
      batch.push(message);
      bytes += size;
      return true;
    };
    while (this.carry.length > 0 && take(this.carry[0] as ReceivedQueueMessage)) this.carry.shift();
    if (batch.length > 0) deadline = Date.now() + this.windowMs;

    while (this.running && this.carry.length === 0 && batch.length < this.batchSize) {
      if (deadline !== undefined && Date.now() >= deadline) break;
      let received: readonly ReceivedQueueMessage[];
      try {
        received = await this.queue.receive(this.config.queueArn, Math.min(MAX_MESSAGES_PER_RECEIVE, this.batchSize - batch.length));
      } catch (error) {
        this.onError(new ReceiveMessagesError(this.id, error));
        if (batch.length > 0) break;
        await this.waitForMessages(IDLE_REPOLL_MS, false);
        continue;
      }
      for (const message of received) {
        if (!take(message)) this.carry.push(message);
      }
      if (batch.length === 0) {
        await this.waitForMessages(IDLE_REPOLL_MS, true);
        continue;
      }
      deadline ??= Date.now() + this.windowMs;
      if (this.windowMs === 0) break;
      if (received.length === 0) await this.waitForMessages(deadline - Date.now(), true);
    }
    return batch;
  }

  /** Waits for the queue to signal messages (if `wake`), at most `timeoutMs`, or until stop. */
  private async waitForMessages(timeoutMs: number, wake: boolean): Promise<void> {
    if (timeoutMs <= 0 || !this.running) return;
    // A plain controller and timer rather than AbortSignal.any/timeout: those hold their sources
    // weakly, and a collected timeout signal never fires.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const stopSignal = this.abort.signal;
    const onStop = (): void => controller.abort();
    stopSignal.addEventListener('abort', onStop, { once: true });
    const aborted = new Promise<void>((resolve) => {
      if (controller.signal.aborted || stopSignal.aborted) resolve();
      else controller.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    try {
      const woken = wake ? this.queue.waitForMessages(this.config.queueArn, controller.signal).catch(() => undefined) : aborted;
      await Promise.race([woken, aborted]);
    } finally {
      clearTimeout(timer);
      stopSignal.removeEventListener('abort', onStop);
      // Lets the queue adapter drop its waiter.
      controller.abort();
    }
  }

  private dispatch(batch: ReceivedQueueMessage[]): void {
    this.counters.invocations += 1;
    this.counters.recordsReceived += batch.length;
    const run = this.settle(batch).finally(() => {
      this.inFlight.delete(run);
      this.slotFreed?.();
    });
    this.inFlight.add(run);
  }

  private async settle(batch: ReceivedQueueMessage[]): Promise<void> {
    const messageIds = batch.map((message) => message.messageId);
    let result: InvocationResult;
    try {
      result = await this.invoke(buildSqsEvent(batch, this.config.queueArn, this.region));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { status: 'error', requestId: '-', durationMs: 0, coldStart: false, error: { errorType: 'Runtime.InvokeError', errorMessage: message, trace: [] } };
    }
    const outcome = interpretBatchResponse(result, messageIds, this.config.reportBatchItemFailures ?? false);
    if (outcome.reason !== undefined) this.counters.failedInvocations += 1;
    this.counters.recordsFailed += outcome.failedMessageIds.length;
    if (outcome.deleteMessageIds.length === 0) return;
    const toDelete = new Set(outcome.deleteMessageIds);
    const handles = batch.filter((message) => toDelete.has(message.messageId)).map((message) => message.receiptHandle);
    try {
      await this.queue.delete(this.config.queueArn, handles);
      this.counters.recordsProcessed += handles.length;
    } catch (error) {
      this.counters.recordsFailed += handles.length;
      this.onError(new DeleteMessagesError(this.id, handles.length, error));
    }
  }
}

/** Bytes a record adds to the event: its body and attributes plus the record's fixed fields. */
function approximateSize(message: ReceivedQueueMessage): number {
  let size = Buffer.byteLength(message.body) + message.receiptHandle.length + 512;
  for (const [name, attribute] of Object.entries(message.messageAttributes)) {
    size += name.length + (attribute.StringValue?.length ?? 0) + Math.ceil(((attribute.BinaryValue?.length ?? 0) * 4) / 3) + 64;
  }
  return size;
}

function validate(id: string, batchSize: number, windowSeconds: number, maximumConcurrency: number | undefined): void {
  const violations: string[] = [];
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    violations.push(`BatchSize must be between 1 and ${MAX_BATCH_SIZE} (given ${batchSize})`);
  }
  if (!Number.isInteger(windowSeconds) || windowSeconds < 0 || windowSeconds > MAX_BATCHING_WINDOW_SECONDS) {
    violations.push(`MaximumBatchingWindowInSeconds must be between 0 and ${MAX_BATCHING_WINDOW_SECONDS} (given ${windowSeconds})`);
  }
  if (batchSize > MAX_BATCH_SIZE_WITHOUT_WINDOW && windowSeconds < 1) {
    violations.push(`MaximumBatchingWindowInSeconds must be at least 1 when BatchSize is above ${MAX_BATCH_SIZE_WITHOUT_WINDOW} (given BatchSize ${batchSize}, window ${windowSeconds})`);
  }
  if (maximumConcurrency !== undefined && (!Number.isInteger(maximumConcurrency) || maximumConcurrency < MIN_MAXIMUM_CONCURRENCY || maximumConcurrency > MAX_MAXIMUM_CONCURRENCY)) {
    violations.push(`ScalingConfig.MaximumConcurrency must be between ${MIN_MAXIMUM_CONCURRENCY} and ${MAX_MAXIMUM_CONCURRENCY} (given ${maximumConcurrency})`);
  }
  if (violations.length > 0) throw new InvalidEventSourceMappingError(id, violations);
}
