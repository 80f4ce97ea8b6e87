/**
 * Largest PutEvents entry, in bytes, as computed by {@link computeEntrySize}. AWS raised it from
 * 256 KB to 1 MB on 29 January 2026; we read "1 MB" as 1,048,576 bytes (SQS states 1 MiB for the
 * same change) and reject only sizes above it.
 *
 * @see https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const MAX_ENTRY_BYTES = 1_048_576;

/**
 * Most entries in one PutEvents request.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */
export const MAX_ENTRIES_PER_PUT = 10;

/** The bus every account has. */
export const DEFAULT_BUS = 'default';

/** Account id used in ARNs when none is configured. */
export const DEFAULT_ACCOUNT_ID = '000000000000';

/** Region used in ARNs when none is configured. */
export const DEFAULT_REGION = 'us-east-1';

/**
 * Retries of a failed target delivery, locally. AWS retries for up to 24 hours / 185 times by
 * default; locally a target's `RetryPolicy.MaximumRetryAttempts` is honoured up to this bound.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 */
export const DEFAULT_MAX_RETRIES = 2;

/** Pause between local delivery retries, in milliseconds. */
export const DEFAULT_RETRY_DELAY_MS = 10;

/** The wire content type of the AWS JSON 1.1 protocol. */
export const JSON_11_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** `X-Amz-Target` prefix of EventBridge operations. */
export const TARGET_PREFIX = 'AWSEvents.';
