import type { InvocationResult } from '../lambda/types.js';

/** A message attribute as SQS stores it (ReceiveMessage's `MessageAttributes` values). */
export interface QueueMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: Uint8Array;
}

/**
 * A message received from a queue, with the receipt handle of this receive. System attributes use
 * SQS's names (ReceiveMessage with `MessageSystemAttributeNames: ['All']`).
 */
export interface ReceivedQueueMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly md5OfBody: string;
  /** @default - no attributes, no digest */
  readonly md5OfMessageAttributes?: string;
  readonly attributes: {
    readonly ApproximateReceiveCount: string;
    readonly SentTimestamp: string;
    readonly SenderId: string;
    readonly ApproximateFirstReceiveTimestamp: string;
    readonly [name: string]: string;
  };
  readonly messageAttributes: Readonly<Record<string, QueueMessageAttribute>>;
}

/**
 * What an SQS event source mapping needs from a queue. The local SQS service is adapted to it; on
 * AWS these are ReceiveMessage, DeleteMessageBatch and long polling.
 */
export interface SqsQueuePort {
  /**
   * Receives up to `maxMessages` (≤ 10) visible messages, making them invisible for
   * `visibilityTimeoutSeconds` (the queue's own when undefined). Resolves at once, possibly empty.
   */
  receive(queueArn: string, maxMessages: number, visibilityTimeoutSeconds?: number): Promise<readonly ReceivedQueueMessage[]>;
  /** Deletes the messages these receipt handles belong to. */
  delete(queueArn: string, receiptHandles: readonly string[]): Promise<void>;
  /**
   * Resolves at once if the queue has visible messages; otherwise when it may have some (a send, a
   * visibility timeout or delay expiring), or when `signal` aborts. Spurious wake-ups are allowed;
   * the poller also re-polls an idle queue every second, so a missed wake-up only costs latency.
   */
  waitForMessages(queueArn: string, signal: AbortSignal): Promise<void>;
}

/** An `AWS::Lambda::EventSourceMapping` on an SQS queue, as the template gives it. */
export interface SqsEventSourceMappingConfig {
  /** Logical id or UUID, for logs and the inspection API. */
  readonly id: string;
  /** `EventSourceArn`. */
  readonly queueArn: string;
  /** `FunctionName` of the target, for logs. */
  readonly functionName: string;
  /** `BatchSize`. @default 10 */
  readonly batchSize?: number;
  /** `MaximumBatchingWindowInSeconds`. @default 0 */
  readonly maximumBatchingWindowInSeconds?: number;
  /** `ScalingConfig.MaximumConcurrency`. @default 5 */
  readonly maximumConcurrency?: number;
  /** `FunctionResponseTypes` includes `ReportBatchItemFailures`. @default false */
  readonly reportBatchItemFailures?: boolean;
  /** `Enabled`. @default true */
  readonly enabled?: boolean;
  /** Region written into each record's `awsRegion`. @default - the region of `queueArn` */
  readonly region?: string;
}

/** The Lambda SQS event (`Records[]`), exactly as an SQS event source mapping delivers it. */
export interface SqsLambdaEvent {
  readonly Records: SqsLambdaRecord[];
}

/** One record of {@link SqsLambdaEvent}. */
export interface SqsLambdaRecord {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: Record<string, string>;
  readonly messageAttributes: Record<string, SqsLambdaMessageAttribute>;
  readonly md5OfBody: string;
  readonly md5OfMessageAttributes?: string;
  readonly eventSource: 'aws:sqs';
  readonly eventSourceARN: string;
  readonly awsRegion: string;
}

/** A message attribute in the Lambda event's lower-camel shape (binary values base64). */
export interface SqsLambdaMessageAttribute {
  readonly stringValue?: string;
  readonly binaryValue?: string;
  readonly stringListValues: string[];
  readonly binaryListValues: string[];
  readonly dataType: string;
}

/** Invokes the mapping's function synchronously (a `LambdaRunner.invoke`). */
export type InvokeFunction = (event: SqsLambdaEvent) => Promise<InvocationResult>;

/** Which records of a batch to delete and which to leave for the visibility timeout. */
export interface BatchOutcome {
  readonly deleteMessageIds: readonly string[];
  readonly failedMessageIds: readonly string[];
  /** Why the whole batch failed, when it did. */
  readonly reason?: string;
}

/** Counters of one mapping, for the inspection API. */
export interface SqsPollerStats {
  readonly id: string;
  readonly queueArn: string;
  readonly functionName: string;
  readonly invocations: number;
  /** Invocations that failed as a whole (error, timeout, invalid partial response). */
  readonly failedInvocations: number;
  readonly recordsReceived: number;
  /** Records deleted after a successful invocation. */
  readonly recordsProcessed: number;
  /** Records left on the queue for their visibility timeout to expire. */
  readonly recordsFailed: number;
  readonly inFlight: number;
  readonly maximumConcurrency: number;
  readonly running: boolean;
}

/** A problem the poller met outside the function (e.g. a failed delete), for the runtime's log. */
export type PollerErrorSink = (error: Error) => void;
