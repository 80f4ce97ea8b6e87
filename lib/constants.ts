/**
 * Limits and defaults shared by the hookbridge constructs.
 *
 * Every number that comes from an AWS quota names its source with `@see`.
 */

/** One mebibyte. */
export const MIB = 1_048_576;

/**
 * Largest synchronous Lambda invocation payload (request and response, 6 MB each).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html
 */
export const LAMBDA_SYNC_PAYLOAD_BYTES = 6 * MIB;

/**
 * Largest HTTP API request payload.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const HTTP_API_PAYLOAD_BYTES = 10 * MIB;

/**
 * Room kept in the Lambda event for everything that is not the body: the request line and headers
 * (at most 10240 bytes on an HTTP API, see the quota page above), the request context and JSON
 * escaping.
 */
export const EVENT_OVERHEAD_BYTES = 32 * 1024;

/**
 * The largest body a verifier can accept: 4 MiB. API Gateway base64-encodes binary bodies in the
 * payload v2 event (4/3 growth), so a raw body of at most
 * (LAMBDA_SYNC_PAYLOAD_BYTES - EVENT_OVERHEAD_BYTES) * 3/4 ≈ 4.48 MiB still fits one invocation;
 * 4 MiB is that rounded down, and the same bound the verifier enforces on `HOOKBRIDGE_BODY_LIMIT`.
 */
export const MAX_BODY_LIMIT_BYTES = 4 * MIB;

/** Default body limit of a source (`HOOKBRIDGE_BODY_LIMIT`). */
export const DEFAULT_BODY_LIMIT_BYTES = MIB;

/** Default timestamp window, both ways, for schemes that sign a timestamp. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Default cache TTL of a source's secret in the verifier. */
export const DEFAULT_SECRET_CACHE_SECONDS = 300;

/**
 * Largest SQS message (and EventBridge entry) since the 1 MiB raise.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
 */
export const SQS_MAX_MESSAGE_BYTES = MIB;

/** Default archive retention of the integration bus. */
export const DEFAULT_ARCHIVE_RETENTION_DAYS = 30;

/** Default `maxReceiveCount` before a message moves to the consumer's DLQ. */
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

/** Default SQS event source batch size. */
export const DEFAULT_BATCH_SIZE = 10;

/**
 * Visibility timeout multiple of the function timeout recommended by Lambda for SQS sources.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** Largest SQS visibility timeout (12 hours). */
export const SQS_MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

/**
 * Bounds of the SQS event source `maxConcurrency`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
 */
export const MIN_MAX_CONCURRENCY = 2;
export const MAX_MAX_CONCURRENCY = 1000;

/** Default consumer backoff (`HOOKBRIDGE_BACKOFF_BASE_SECONDS` / `_MAX_SECONDS`). */
export const DEFAULT_BACKOFF_BASE_SECONDS = 2;
export const DEFAULT_BACKOFF_MAX_SECONDS = 900;

/** Default claim-check object expiry. */
export const DEFAULT_CLAIM_CHECK_EXPIRATION_DAYS = 30;

/** Default stage throttling of the webhook API. */
export const DEFAULT_THROTTLING_RATE_LIMIT = 100;
export const DEFAULT_THROTTLING_BURST_LIMIT = 200;

/** The CloudWatch namespace of the verifier's Powertools metrics (docs/contract.md). */
export const METRICS_NAMESPACE = 'hookbridge';

/** A source or consumer name: lower-case letters, digits and dashes, starting with a letter. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
