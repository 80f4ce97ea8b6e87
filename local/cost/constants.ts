/** Seconds in the 30-day month every monthly figure assumes. */
export const SECONDS_PER_MONTH = 30 * 24 * 3600;

/** EventBridge and SQS bill each 64 KB chunk of a payload as one event / request. */
export const CHUNK_64K = 64 * 1024;

/** HTTP APIs are metered in 512 KB increments. */
export const HTTP_API_INCREMENT = 512 * 1024;

/** The HTTP API request tier boundary. */
export const HTTP_API_TIER_REQUESTS = 300_000_000;

/** DynamoDB: one write request unit writes up to 1 KB; one read request unit reads up to 4 KB (strongly consistent). */
export const WRITE_UNIT_BYTES = 1024;
export const READ_UNIT_BYTES = 4 * 1024;

/** Bytes the verifier adds around the payload in the PutEvents entry (envelope head, source, detail-type, time). */
export const ENVELOPE_OVERHEAD_BYTES = 600;

/** Bytes EventBridge wraps around `detail` in the event an SQS message carries (`version`, `id`, `account`, …). */
export const EVENT_WRAPPER_BYTES = 300;

/** Largest PutEvents entry sent inline (see lambdas/verifier/constants.ts): larger payloads are claim-checked. */
export const MAX_INLINE_ENTRY_BYTES = 1_000_000;

/**
 * Lambda's SQS event source mapping long-polls each queue with five pollers to start with; each
 * empty 20-second long poll is a billable ReceiveMessage.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
 */
export const DEFAULT_IDLE_POLLERS = 5;
export const LONG_POLL_SECONDS = 20;

/**
 * Log bytes per invocation. Platform lines (START, END, REPORT) are written whatever the level;
 * one Powertools JSON line is ~350 bytes; one EMF metrics flush ~450 bytes. Measured from the
 * lines the handlers print, rounded up.
 */
export const PLATFORM_LOG_BYTES = 350;
export const APP_LOG_LINE_BYTES = 350;
export const EMF_FLUSH_BYTES = 450;

/**
 * ReceiveMessage returns at most 10 messages and DeleteMessageBatch deletes at most 10.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 */
export const SQS_MAX_MESSAGES_PER_CALL = 10;

/**
 * Lambda's X-Ray sampling with active tracing: "1 request per second and 5 percent of additional
 * requests", not configurable per function.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
 */
export const LAMBDA_TRACE_RESERVOIR_PER_SECOND = 1;
export const LAMBDA_TRACE_FIXED_RATE = 0.05;

/** X-Ray records the first 100,000 traces of a month free. @see https://aws.amazon.com/xray/pricing/ */
export const XRAY_FREE_TRACES = 100_000;

/**
 * Alarms lib/alarms.ts creates: per source (publish failures, signature rejections) and per
 * consumer queue (DLQ depth, delivery DLQ depth, oldest message age, failed rule invocations).
 */
export const ALARMS_PER_SOURCE = 2;
export const ALARMS_PER_QUEUE = 4;

/**
 * Bytes a `$context.*` variable of an access log format becomes, on average (request ids, IPs,
 * user agents, statuses, latencies, `-` for an empty one).
 */
export const ACCESS_LOG_VALUE_BYTES = 12;

/** Bytes of one access log line of the webhook API: lib/webhook-api.ts's JSON format with 14 variables filled in. */
export const DEFAULT_ACCESS_LOG_BYTES = 397;
