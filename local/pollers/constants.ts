/**
 * Defaults and limits of SQS event source mappings.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html
 */

/** `BatchSize` default for SQS. @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html */
export const DEFAULT_BATCH_SIZE = 10;

/** `BatchSize` maximum for standard queues (10 without a batching window). */
export const MAX_BATCH_SIZE = 10_000;

/** Largest `BatchSize` allowed with `MaximumBatchingWindowInSeconds` = 0. */
export const MAX_BATCH_SIZE_WITHOUT_WINDOW = 10;

/** `MaximumBatchingWindowInSeconds` range: 0–300 seconds. */
export const MAX_BATCHING_WINDOW_SECONDS = 300;

/**
 * Concurrent invocations of one mapping when `ScalingConfig.MaximumConcurrency` is not set: Lambda
 * starts with five concurrent batches; locally the mapping stays there.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
 */
export const DEFAULT_MAXIMUM_CONCURRENCY = 5;

/** `ScalingConfig.MaximumConcurrency` range: 2–1000. @see https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html */
export const MIN_MAXIMUM_CONCURRENCY = 2;
export const MAX_MAXIMUM_CONCURRENCY = 1_000;

/** ReceiveMessage returns at most 10 messages per call. @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html */
export const MAX_MESSAGES_PER_RECEIVE = 10;

/**
 * A batch is cut before the event would exceed the 6 MB synchronous invocation payload.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const MAX_INVOCATION_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** Re-poll an idle queue at least this often, in case a queue adapter misses a wake-up. */
export const IDLE_REPOLL_MS = 1_000;

/** How long `stop()` waits for in-flight invocations by default. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/** `FunctionResponseTypes` value that turns on partial batch responses. */
export const REPORT_BATCH_ITEM_FAILURES = 'ReportBatchItemFailures';
