/**
 * The local SQS emulator: an in-memory Amazon SQS (standard queues) speaking the awsJson1_0 wire
 * of `@aws-sdk/client-sqs` v3, with programmatic methods for the runtime (EventBridge targets,
 * Lambda pollers), counters, snapshot/restore and a mutation journal hook.
 */
export { SqsService } from './sqs-service.js';
export type { SqsServiceOptions, SendBatchEntry, VisibilityBatchEntry, DeleteBatchEntry, StartMoveTaskInput } from './sqs-service.js';
export { handleSqsRequest, sqsErrorResponse, SQS_OPERATIONS } from './handle-sqs-request.js';
export type { SqsWireResponse, SqsRequestContext } from './handle-sqs-request.js';
export { createSqsRequestListener } from './create-sqs-request-listener.js';
export { md5OfBody, md5OfMessageAttributes } from './md5.js';
export {
  SqsError,
  QueueDoesNotExistError,
  QueueNameExistsError,
  InvalidParameterValueError,
  MissingParameterError,
  InvalidAttributeNameError,
  InvalidAttributeValueError,
  InvalidMessageContentsError,
  ReceiptHandleIsInvalidError,
  MessageNotInflightError,
  EmptyBatchRequestError,
  TooManyEntriesInBatchRequestError,
  BatchEntryIdsNotDistinctError,
  InvalidBatchEntryIdError,
  BatchRequestTooLongError,
  PurgeQueueInProgressError,
  UnsupportedOperationError,
  ResourceNotFoundError,
  InvalidActionError,
  SerializationError,
} from './errors.js';
export type {
  Clock,
  MessageAttributeMap,
  MessageAttributeValue,
  QueueCounters,
  QueueRef,
  ReceiveOptions,
  ReceivedMessage,
  SendOptions,
  SendResult,
  SqsMutation,
  SqsSnapshot,
  StoredMessage,
  StoredMoveTask,
  StoredQueue,
  MoveTaskStatus,
  BatchEntryResult,
  RedrivePolicy,
} from './types.js';
