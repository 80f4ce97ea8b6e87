import {
  DEFAULT_BACKOFF_BASE_SECONDS,
  DEFAULT_BACKOFF_MAX_SECONDS,
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  ENV,
  SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
} from './constants.js';
import { ConsumerConfigurationError } from './errors.js';
import type { ConsumerSettings, DefineConsumerOptions } from './types.js';

const readNumber = (
  env: NodeJS.ProcessEnv,
  name: string,
  given: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number => {
  const raw = given ?? (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : fallback);
  if (!Number.isFinite(raw) || raw < min || raw > max) {
    throw new ConsumerConfigurationError(
      name,
      `${name} must be a number between ${min} and ${max} (given ${given ?? env[name]})`,
    );
  }
  return raw;
};

/**
 * Merges `defineConsumer` options with the consumer environment set by `QueuedConsumer`;
 * an option wins over its variable. Throws `ConsumerConfigurationError` naming the setting to fix.
 */
export const resolveSettings = (
  options: DefineConsumerOptions,
  env: NodeJS.ProcessEnv = process.env,
): ConsumerSettings => {
  const consumer = options.consumer ?? env[ENV.consumer] ?? env.AWS_LAMBDA_FUNCTION_NAME;
  if (consumer === undefined || consumer.trim() === '') {
    throw new ConsumerConfigurationError(
      ENV.consumer,
      `${ENV.consumer} must name the consumer (given nothing)`,
    );
  }
  const idempotent = options.idempotent ?? true;
  const idempotencyTable = env[ENV.idempotencyTable] || undefined;
  if (idempotent && options.persistenceStore === undefined && idempotencyTable === undefined) {
    throw new ConsumerConfigurationError(
      ENV.idempotencyTable,
      `${ENV.idempotencyTable} must name the idempotency table (given nothing); pass persistenceStore or set idempotent: false otherwise`,
    );
  }
  const backoffBaseSeconds = readNumber(
    env,
    ENV.backoffBaseSeconds,
    options.backoffBaseSeconds,
    DEFAULT_BACKOFF_BASE_SECONDS,
    0,
    SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
  );
  const backoffMaxSeconds = readNumber(
    env,
    ENV.backoffMaxSeconds,
    options.backoffMaxSeconds,
    DEFAULT_BACKOFF_MAX_SECONDS,
    0,
    SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
  );
  return {
    consumer: consumer.trim(),
    idempotent,
    idempotencyTable,
    idempotencyTtlSeconds: readNumber(
      env,
      ENV.idempotencyTtlSeconds,
      options.idempotencyTtlSeconds,
      DEFAULT_IDEMPOTENCY_TTL_SECONDS,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    resolveDataRef: options.resolveDataRef ?? true,
    claimCheckBucket: options.claimCheckBucket ?? (env[ENV.claimCheckBucket] || undefined),
    queueUrl: options.queueUrl ?? (env[ENV.queueUrl] || undefined),
    backoffBaseSeconds,
    backoffMaxSeconds,
  };
};
