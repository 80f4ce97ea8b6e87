export { Alarms, type AlarmsProps } from './alarms.js';
export { ClaimCheckBucket, type ClaimCheckBucketProps } from './claim-check-bucket.js';
export {
  DEFAULT_ARCHIVE_RETENTION_DAYS,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_MAX_RECEIVE_COUNT,
  MAX_BODY_LIMIT_BYTES,
  METRICS_NAMESPACE,
  SQS_MAX_MESSAGE_BYTES,
} from './constants.js';
export { HandlerBundlingError, InvalidPropsError } from './errors.js';
export { HandlerFunction, type HandlerFunctionProps } from './handler-function.js';
export { IdempotencyTable, type IdempotencyTableProps } from './idempotency-table.js';
export { IntegrationBus, type IntegrationBusProps } from './integration-bus.js';
export {
  IntegrationStack,
  pascal,
  type ConsumerDefinition,
  type IntegrationStackProps,
  type SourceDefinition,
} from './integration-stack.js';
export { HandlerEntries, handlerEntry, packagePath, packageRoot } from './paths.js';
export { QueuedConsumer, type QueuedConsumerProps } from './queued-consumer.js';
export {
  WEBHOOK_SCHEMES,
  type GenericAlgorithm,
  type GenericEncoding,
  type GenericSchemeOptions,
  type ThrottleOptions,
  type WebhookScheme,
} from './types.js';
export { CATCH_ALL_ROUTE_KEY, WebhookApi, type WebhookApiProps } from './webhook-api.js';
export { WebhookSource, type WebhookSourceProps } from './webhook-source.js';
