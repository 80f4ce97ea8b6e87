/**
 * Names of the environment variables `QueuedConsumer` sets on a consumer function.
 *
 * @see docs/contract.md "Consumer environment"
 */
export const ENV = {
  consumer: 'HOOKBRIDGE_CONSUMER',
  idempotencyTable: 'HOOKBRIDGE_IDEMPOTENCY_TABLE',
  idempotencyTtlSeconds: 'HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS',
  queueUrl: 'HOOKBRIDGE_QUEUE_URL',
  backoffBaseSeconds: 'HOOKBRIDGE_BACKOFF_BASE_SECONDS',
  backoffMaxSeconds: 'HOOKBRIDGE_BACKOFF_MAX_SECONDS',
  claimCheckBucket: 'HOOKBRIDGE_CLAIM_CHECK_BUCKET',
} as const;

/**
 * Default idempotency record expiry: 31 days (the bus archive's default 30-day retention plus a
 * day). Powertools' own default is one hour, which would let an archive replay redo side effects.
 *
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/idempotency/ (`expiresAfterSeconds`, default 3600)
 */
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 31 * 24 * 60 * 60;

/** Default base of the exponential backoff, in seconds. */
export const DEFAULT_BACKOFF_BASE_SECONDS = 2;

/** Default cap of the exponential backoff, in seconds (15 minutes). */
export const DEFAULT_BACKOFF_MAX_SECONDS = 900;

/**
 * The largest visibility timeout SQS accepts: 12 hours.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 */
export const SQS_MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

/**
 * JMESPath over the envelope selecting what the idempotency key hashes: `source` + `id`. The
 * consumer name goes into the key prefix, so each consumer keeps its own record per event.
 */
export const IDEMPOTENCY_KEY_JMESPATH = '[source, id]';

/** Key prefix of every idempotency record a consumer writes: `hookbridge.<consumer>`. */
export const IDEMPOTENCY_KEY_PREFIX = 'hookbridge';

/** The log attribute carrying the envelope's correlation id (Powertools' own key name). */
export const CORRELATION_ID_KEY = 'correlation_id';
