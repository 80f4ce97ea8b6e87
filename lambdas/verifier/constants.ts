/** Default body limit: 1 MiB, the largest payload an EventBridge entry can still carry inline. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/**
 * Highest configurable body limit. A synchronous Lambda invocation takes at most 6 MB of request
 * payload, and API Gateway base64-encodes binary bodies (4/3 growth) inside a JSON event that also
 * holds the headers; 4 MiB of body stays below that with room for the event around it.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const MAX_BODY_LIMIT = 4 * 1_048_576;

/** Default timestamp window, both ways; the value Stripe, Slack and Standard Webhooks recommend. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Default secret cache TTL. */
export const DEFAULT_SECRET_CACHE_SECONDS = 300;

/**
 * Largest PutEvents entry the verifier sends inline, as EventBridge counts it (see `entry-size.ts`).
 * EventBridge entries (and SQS messages) take up to 1 MB since January 2026. 1,000,000 is the
 * smaller reading of "1 MB"; the SQS message that later carries the event is the whole event JSON
 * with EventBridge's wrapper (`version`, `id`, `account`, `region`, `resources`, …) and must fit
 * 1 MiB (1,048,576 bytes), which leaves 48 KiB for that wrapper and any re-escaping.
 * @see https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const MAX_ENTRY_BYTES = 1_000_000;

/** EventBridge `DetailType` is 1 to 128 characters. @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html */
export const MAX_DETAIL_TYPE_LENGTH = 128;

/**
 * Longest accepted delivery id. Vendors' ids are far shorter; the bound keeps an unsigned id header
 * from bloating the idempotency key (DynamoDB partition keys are at most 2048 bytes).
 */
export const MAX_ID_LENGTH = 256;
