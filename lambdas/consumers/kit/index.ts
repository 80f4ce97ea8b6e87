export { backoffCeilingSeconds, backoffSeconds, receiveCountOf } from './backoff.js';
export {
  DEFAULT_BACKOFF_BASE_SECONDS,
  DEFAULT_BACKOFF_MAX_SECONDS,
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  ENV,
  SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
} from './constants.js';
export { defineConsumer } from './defineConsumer.js';
export {
  ClaimCheckFetchError,
  ClaimCheckIntegrityError,
  ConsumerConfigurationError,
  ConsumerKitError,
  InvalidEnvelopeError,
  PayloadParseError,
} from './errors.js';
export { parsePayload } from './parsePayload.js';
export type {
  ConsumerContext,
  ConsumerEvent,
  ConsumerFunction,
  ConsumerHandler,
  DataRef,
  DefineConsumerOptions,
  Envelope,
} from './types.js';
