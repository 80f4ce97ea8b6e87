import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * Where a claim-checked payload lives: the raw request body bytes in S3.
 */
export interface DataRef {
  readonly bucket: string;
  readonly key: string;
  /** Byte length of the stored body. */
  readonly size: number;
  /** Lower-case hex SHA-256 of the stored body. */
  readonly sha256: string;
}

/**
 * The envelope (EventBridge `detail`) as it arrives on a consumer's queue, version 1.0.
 * Exactly one of `data`, `data_base64`, `dataref` is present.
 *
 * @see docs/contract.md "The envelope"
 */
export interface Envelope<TData = unknown> {
  readonly specversion: string;
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly datacontenttype?: string;
  readonly data?: TData;
  readonly data_base64?: string;
  readonly dataref?: DataRef;
  readonly envelopeversion?: string;
  readonly correlationid?: string;
  readonly verification?: { readonly scheme: string; readonly secretIndex: number };
  readonly vendorheaders?: Readonly<Record<string, string>>;
}

/**
 * What a consumer function receives: the envelope with its payload resolved — a `dataref` has
 * been fetched, checked and parsed into `data` (or `data_base64`), and `dataref` is kept for
 * reference.
 */
export type ConsumerEvent<TData = unknown> = Envelope<TData>;

/**
 * The second argument of a consumer function: the Lambda context plus what the kit knows about
 * the record being processed.
 */
export interface ConsumerContext extends Context {
  /** The consumer's name (`HOOKBRIDGE_CONSUMER`). */
  readonly consumer: string;
  /** A logger whose every line carries this event's correlation id, source and id. */
  readonly logger: Logger;
  /** The SQS record the event came in. */
  readonly record: SQSRecord;
  /** SQS `ApproximateReceiveCount`: 1 on the first attempt. */
  readonly receiveCount: number;
}

/**
 * A team's consumer: called once per event (per `source` + `id`, per consumer).
 * Throw to have the event retried with backoff; after the queue's maxReceiveCount it goes to the DLQ.
 * The value returned is stored with the idempotency record, so keep it small and JSON-serializable.
 */
export type ConsumerFunction<TData = unknown> = (
  event: ConsumerEvent<TData>,
  context: ConsumerContext,
) => Promise<unknown>;

/**
 * The Lambda handler `defineConsumer` returns (SQS event source mapping with
 * `ReportBatchItemFailures`).
 */
export type ConsumerHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * Options of `defineConsumer`. Every field has a default read from the environment the first
 * time the handler runs, so a deployed consumer needs none; tests and the local runtime inject.
 */
export interface DefineConsumerOptions {
  /**
   * The consumer's name, part of the idempotency key and of every log line.
   * @default - `HOOKBRIDGE_CONSUMER`, else `AWS_LAMBDA_FUNCTION_NAME`
   */
  readonly consumer?: string;
  /**
   * Run the function at most once per `source` + `id`. Turn off only for a consumer whose side
   * effect is idempotent by itself (the audit log's conditional put).
   * @default true
   */
  readonly idempotent?: boolean;
  /**
   * Where idempotency records live.
   * @default - a `DynamoDBPersistenceLayer` on `HOOKBRIDGE_IDEMPOTENCY_TABLE`
   */
  readonly persistenceStore?: BasePersistenceLayer;
  /**
   * Idempotency record expiry in seconds; at least the bus archive's replay window.
   * @default - `HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS`, else 31 days
   */
  readonly idempotencyTtlSeconds?: number;
  /**
   * Fetch claim-checked payloads (`dataref`) before calling the function.
   * @default true
   */
  readonly resolveDataRef?: boolean;
  /**
   * Only accept `dataref`s pointing into this bucket.
   * @default - `HOOKBRIDGE_CLAIM_CHECK_BUCKET`; unset → any bucket the function may read
   */
  readonly claimCheckBucket?: string;
  /**
   * The queue whose failed messages get their visibility changed (backoff).
   * @default - `HOOKBRIDGE_QUEUE_URL`; unset → no backoff, the queue's visibility timeout applies
   */
  readonly queueUrl?: string;
  /** @default - `HOOKBRIDGE_BACKOFF_BASE_SECONDS`, else 2 */
  readonly backoffBaseSeconds?: number;
  /** @default - `HOOKBRIDGE_BACKOFF_MAX_SECONDS`, else 900 */
  readonly backoffMaxSeconds?: number;
  /**
   * Source of randomness for the jitter, in [0, 1).
   * @default Math.random
   */
  readonly random?: () => number;
  /** @default - an `SQSClient` created once from the environment */
  readonly sqsClient?: SQSClient;
  /** @default - an `S3Client` created once from the environment (honours `AWS_ENDPOINT_URL_S3`) */
  readonly s3Client?: S3Client;
  /** @default - a Powertools `Logger` with service name = the consumer */
  readonly logger?: Logger;
}

/**
 * The settings a consumer runs with, after options and environment are merged.
 */
export interface ConsumerSettings {
  readonly consumer: string;
  readonly idempotent: boolean;
  readonly idempotencyTable?: string;
  readonly idempotencyTtlSeconds: number;
  readonly resolveDataRef: boolean;
  readonly claimCheckBucket?: string;
  readonly queueUrl?: string;
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
}
