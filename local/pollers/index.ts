export { SqsPoller } from './SqsPoller.js';
export type { SqsPollerOptions } from './SqsPoller.js';
export { buildSqsEvent, regionOfArn } from './buildSqsEvent.js';
export { interpretBatchResponse } from './interpretBatchResponse.js';
export { DeleteMessagesError, InvalidEventSourceMappingError, PollerError, ReceiveMessagesError } from './errors.js';
export { DEFAULT_BATCH_SIZE, DEFAULT_MAXIMUM_CONCURRENCY, REPORT_BATCH_ITEM_FAILURES } from './constants.js';
export type {
  BatchOutcome,
  InvokeFunction,
  PollerErrorSink,
  QueueMessageAttribute,
  ReceivedQueueMessage,
  SqsEventSourceMappingConfig,
  SqsLambdaEvent,
  SqsLambdaMessageAttribute,
  SqsLambdaRecord,
  SqsPollerStats,
  SqsQueuePort,
} from './types.js';
