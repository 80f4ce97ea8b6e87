import {
  BatchProcessor,
  EventType,
  processPartialResponse,
} from '@aws-lambda-powertools/batch';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { backoffSeconds, delayRetry, receiveCountOf } from './backoff.js';
import { defaultDynamoDBClient, defaultS3Client, defaultSqsClient } from './clients.js';
import { CORRELATION_ID_KEY, IDEMPOTENCY_KEY_JMESPATH, IDEMPOTENCY_KEY_PREFIX, SQS_MAX_VISIBILITY_TIMEOUT_SECONDS } from './constants.js';
import { parseEnvelope } from './parseEnvelope.js';
import { resolvePayload } from './resolvePayload.js';
import { resolveSettings } from './resolveSettings.js';
import type {
  ConsumerContext,
  ConsumerEvent,
  ConsumerFunction,
  ConsumerHandler,
  ConsumerSettings,
  DefineConsumerOptions,
  Envelope,
} from './types.js';

/** Everything a handler builds once, on its first invocation (a cold start in Lambda). */
interface Runtime {
  readonly settings: ConsumerSettings;
  readonly logger: Logger;
  readonly idempotencyConfig?: IdempotencyConfig;
  readonly run: (envelope: Envelope, context: ConsumerContext) => Promise<unknown>;
}

/** Keeps only what JSON keeps, so the idempotency record can store the result. */
const storable = (result: unknown): unknown =>
  result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);

/** A Lambda context that also carries the kit's per-record facts; keeps the original's methods. */
const consumerContext = (
  lambdaContext: Context,
  extra: Pick<ConsumerContext, 'consumer' | 'logger' | 'record' | 'receiveCount'>,
): ConsumerContext => Object.assign(Object.create(lambdaContext) as Context, lambdaContext, extra);

/**
 * Wraps a consumer function into an SQS Lambda handler (event source mapping with
 * `ReportBatchItemFailures`). The kit does, per record:
 *
 * - read the envelope from the EventBridge event in the message body;
 * - with Powertools idempotency (DynamoDB), run the function at most once per consumer +
 *   `source` + `id`; the in-progress lock expires with the Lambda's remaining time, and completed
 *   records live `HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS` (default 31 days, beyond the archive's
 *   replay window);
 * - fetch a claim-checked payload (`dataref`) from S3, check size and SHA-256, and parse it;
 * - log with the envelope's correlation id;
 * - on failure (including a concurrent duplicate still in progress), change the message's
 *   visibility to a full-jitter exponential backoff and report it in `batchItemFailures`; SQS
 *   moves it to the DLQ after the queue's maxReceiveCount.
 *
 * @example
 * ```ts
 * export const handler = defineConsumer(async (event, context) => {
 *   context.logger.info('order received', { order: (event.data as { id: number }).id });
 * });
 * ```
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/batch/
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/idempotency/
 */
export const defineConsumer = <TData = unknown>(
  fn: ConsumerFunction<TData>,
  options: DefineConsumerOptions = {},
): ConsumerHandler => {
  let runtime: Runtime | undefined;
  const sqs = () => options.sqsClient ?? defaultSqsClient();
  const s3 = () => options.s3Client ?? defaultS3Client();
  const random = options.random ?? Math.random;

  const build = (): Runtime => {
    const settings = resolveSettings(options);
    const logger =
      options.logger ?? new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? settings.consumer });
    const call = async (envelope: Envelope, context: ConsumerContext): Promise<unknown> => {
      const event = settings.resolveDataRef
        ? await resolvePayload(envelope, s3, settings.claimCheckBucket)
        : envelope;
      return storable(await fn(event as ConsumerEvent<TData>, context));
    };
    if (!settings.idempotent) return { settings, logger, run: call };

    const persistenceStore: BasePersistenceLayer =
      options.persistenceStore ??
      new DynamoDBPersistenceLayer({
        tableName: settings.idempotencyTable!,
        awsSdkV3Client: defaultDynamoDBClient(),
      });
    const idempotencyConfig = new IdempotencyConfig({
      eventKeyJmesPath: IDEMPOTENCY_KEY_JMESPATH,
      throwOnNoIdempotencyKey: true,
      expiresAfterSeconds: settings.idempotencyTtlSeconds,
    });
    const run = makeIdempotent(call, {
      persistenceStore,
      config: idempotencyConfig,
      keyPrefix: `${IDEMPOTENCY_KEY_PREFIX}.${settings.consumer}`,
    });
    return { settings, logger, idempotencyConfig, run };
  };

  /**
   * `inProgress` are the records whose duplicate was still being processed elsewhere: that lock
   * lasts at most one invocation of this function (`lockSeconds`, its timeout), so their retry waits
   * at least that long. Retrying sooner would only spend receives on a lock that cannot have expired
   * (a crashed holder's lock runs to its expiry) and could push a healthy event into the DLQ.
   */
  const scheduleRetries = async (
    rt: Runtime,
    failed: readonly SQSRecord[],
    inProgress: ReadonlySet<string>,
    lockSeconds: number,
  ): Promise<void> => {
    const { queueUrl, backoffBaseSeconds, backoffMaxSeconds } = rt.settings;
    if (queueUrl === undefined) {
      if (failed.length > 0) {
        rt.logger.warn('HOOKBRIDGE_QUEUE_URL is not set; failed messages retry after the queue visibility timeout');
      }
      return;
    }
    await Promise.all(
      failed.map(async (record) => {
        const receiveCount = receiveCountOf(record);
        const backoff = backoffSeconds(receiveCount, backoffBaseSeconds, backoffMaxSeconds, random);
        const seconds = inProgress.has(record.messageId) ? Math.max(backoff, lockSeconds) : backoff;
        try {
          await delayRetry(sqs(), queueUrl, record, seconds);
          rt.logger.info('retry delayed', { message_id: record.messageId, receiveCount, visibilityTimeout: seconds });
        } catch (error) {
          // The record is still reported as failed: it comes back after the queue's own visibility
          // timeout instead of the backoff, but it is not lost.
          rt.logger.warn('could not change message visibility', {
            message_id: record.messageId,
            error: error as Error,
          });
        }
      }),
    );
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const rt = (runtime ??= build());
    rt.logger.addContext(context);
    rt.idempotencyConfig?.registerLambdaContext(context);
    const lockSeconds = Math.min(Math.ceil(context.getRemainingTimeInMillis() / 1000), SQS_MAX_VISIBILITY_TIMEOUT_SECONDS);
    const inProgress = new Set<string>();

    const recordHandler = async (record: SQSRecord): Promise<unknown> => {
      const receiveCount = receiveCountOf(record);
      let logger = rt.logger.createChild({ persistentKeys: { message_id: record.messageId } });
      try {
        const envelope = parseEnvelope(record);
        logger = rt.logger.createChild({
          persistentKeys: {
            message_id: record.messageId,
            event_source: envelope.source,
            event_id: envelope.id,
            ...(envelope.correlationid !== undefined && { [CORRELATION_ID_KEY]: envelope.correlationid }),
          },
        });
        const ctx = consumerContext(context, { consumer: rt.settings.consumer, logger, record, receiveCount });
        return await rt.run(envelope, ctx);
      } catch (error) {
        if (error instanceof IdempotencyAlreadyInProgressError) {
          inProgress.add(record.messageId);
          logger.info('duplicate still in progress elsewhere; retrying after its lock expires', { receiveCount, lockSeconds });
        } else {
          logger.error('consumer failed', { receiveCount, error: error as Error });
        }
        throw error;
      }
    };

    const processor = new BatchProcessor(EventType.SQS);
    const response = await processPartialResponse(event, recordHandler, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
    const failedIds = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    await scheduleRetries(
      rt,
      event.Records.filter((record) => failedIds.has(record.messageId)),
      inProgress,
      lockSeconds,
    );
    return response;
  };
};
