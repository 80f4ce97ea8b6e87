/**
 * Limits and defaults of Amazon SQS standard queues, as the emulator enforces them.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
 */

/** JSON protocol namespace used in `__type` of error bodies. */
export const SQS_ERROR_NAMESPACE = 'com.amazonaws.sqs';

/** Prefix of the `X-Amz-Target` header: `AmazonSQS.<Operation>`. */
export const SQS_TARGET_PREFIX = 'AmazonSQS.';

/** Content type of requests and responses of the awsJson1_0 protocol. */
export const SQS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

/** Default account in local ARNs and queue URLs (LocalStack's convention). */
export const DEFAULT_ACCOUNT_ID = '000000000000';

/** Default region in local ARNs. */
export const DEFAULT_REGION = 'us-east-1';

/** Default base URL of queue URLs; the edge replaces it with its own address. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4566';

/**
 * Queue attribute defaults. `MaximumMessageSize` is 1 MiB since AWS raised the message size limit
 * in August 2025 ("The maximum is 1,048,576 bytes (1 MiB)").
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
 */
export const QUEUE_ATTRIBUTE_DEFAULTS: Readonly<Record<string, string>> = {
  DelaySeconds: '0',
  MaximumMessageSize: '1048576',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  SqsManagedSseEnabled: 'true',
};

/** Inclusive ranges of the numeric queue attributes (CreateQueue / SetQueueAttributes). */
export const QUEUE_ATTRIBUTE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, 1048576],
  MessageRetentionPeriod: [60, 1209600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43200],
  KmsDataKeyReusePeriodSeconds: [60, 86400],
};

/** Attributes a caller may set on a standard queue. */
export const SETTABLE_QUEUE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'Policy',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
]);

/** FIFO-only attributes: FIFO queues are not emulated (the stack uses standard queues). */
export const FIFO_QUEUE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'FifoQueue',
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'FifoThroughputLimit',
]);

/** Attributes computed by the service, readable through GetQueueAttributes. */
export const COMPUTED_QUEUE_ATTRIBUTES: readonly string[] = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
];

/** Message system attributes ReceiveMessage can return for a standard queue. */
export const MESSAGE_SYSTEM_ATTRIBUTE_NAMES: readonly string[] = [
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SentTimestamp',
  'SenderId',
  'AWSTraceHeader',
];

/** FIFO-only message system attributes: accepted in requests, never returned here. */
export const FIFO_MESSAGE_SYSTEM_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'MessageDeduplicationId',
  'MessageGroupId',
  'SequenceNumber',
  'SqsManagedSseEnabled',
  'DeadLetterQueueSourceArn',
]);

/** ReceiveMessage: MaxNumberOfMessages range. */
export const MAX_MESSAGES_PER_RECEIVE = 10;

/** Maximum VisibilityTimeout, and maximum total visibility of one receive (12 hours). */
export const MAX_VISIBILITY_TIMEOUT_SECONDS = 43200;

/** Maximum WaitTimeSeconds of a long poll. */
export const MAX_WAIT_TIME_SECONDS = 20;

/** Maximum DelaySeconds of one message. */
export const MAX_DELAY_SECONDS = 900;

/** Entries per batch request. */
export const MAX_BATCH_ENTRIES = 10;

/**
 * Sum of the message sizes in one SendMessageBatch ("the maximum total payload size ... is 1 MiB").
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 */
export const MAX_BATCH_PAYLOAD_BYTES = 1048576;

/** Message attributes per message. */
export const MAX_MESSAGE_ATTRIBUTES = 10;

/** Batch entry ids: alphanumerics, hyphens and underscores, up to 80 characters. */
export const BATCH_ENTRY_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

/** Queue names of standard queues: alphanumerics, hyphens and underscores, 1 to 80 characters. */
export const QUEUE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

/** RedrivePolicy.maxReceiveCount range. */
export const MAX_RECEIVE_COUNT_RANGE: readonly [number, number] = [1, 1000];

/** PurgeQueue: one purge per queue every 60 seconds, else PurgeQueueInProgress. */
export const PURGE_INTERVAL_MS = 60_000;

/**
 * StartMessageMoveTask: "The maximum value for messages per second is 500."
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 */
export const MAX_MOVE_MESSAGES_PER_SECOND = 500;

/** ListMessageMoveTasks: MaxResults default 1, upper limit 10. */
export const MAX_LISTED_MOVE_TASKS = 10;

/** ListQueues: MaxResults range 1 to 1000. */
export const MAX_LIST_QUEUES_RESULTS = 1000;
