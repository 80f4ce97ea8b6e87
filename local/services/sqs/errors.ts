/**
 * Errors of the SQS emulator. Each carries what the awsJson1_0 wire needs: the modelled shape name
 * (`__type`), the legacy query code (`x-amzn-query-error`, which the AWS SDK v3 uses first to pick
 * the exception class because SQS is `awsQueryCompatible`), the HTTP status and the fault side.
 *
 * Codes and statuses follow the `awsQueryError` traits of `@aws-sdk/client-sqs` (e.g.
 * `QueueDoesNotExist` ↔ `AWS.SimpleQueueService.NonExistentQueue`, 400).
 *
 * @see https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait
 */
export class SqsError extends Error {
  /** Shape name, sent as `__type: com.amazonaws.sqs#<shape>`. */
  public readonly shape: string;
  /** Legacy query error code, sent as `x-amzn-query-error: <code>;<fault>`. */
  public readonly code: string;
  /** HTTP status of the error response. */
  public readonly status: number;
  /** `Sender` for client errors, `Receiver` for server errors. */
  public readonly fault: 'Sender' | 'Receiver';

  public constructor(shape: string, code: string, status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SqsError';
    this.shape = shape;
    this.code = code;
    this.status = status;
    this.fault = status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** The queue named in the request does not exist. */
export class QueueDoesNotExistError extends SqsError {
  public constructor(message = 'The specified queue does not exist.') {
    super('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 400, message);
    this.name = 'QueueDoesNotExistError';
  }
}

/** CreateQueue for an existing name with different attribute values. */
export class QueueNameExistsError extends SqsError {
  public constructor(message: string) {
    super('QueueNameExists', 'QueueAlreadyExists', 400, message);
    this.name = 'QueueNameExistsError';
  }
}

/** A parameter value outside its allowed range or format (`InvalidParameterValue`). */
export class InvalidParameterValueError extends SqsError {
  public constructor(message: string) {
    super('InvalidParameterValueException', 'InvalidParameterValue', 400, message);
    this.name = 'InvalidParameterValueError';
  }
}

/** A required parameter is missing (`MissingParameter`). */
export class MissingParameterError extends SqsError {
  public constructor(parameter: string) {
    super('MissingRequiredParameterException', 'MissingParameter', 400, `The request must contain the parameter ${parameter}.`);
    this.name = 'MissingParameterError';
  }
}

/** An unknown queue attribute name. */
export class InvalidAttributeNameError extends SqsError {
  public constructor(attribute: string) {
    super('InvalidAttributeName', 'InvalidAttributeName', 400, `Unknown Attribute ${attribute}.`);
    this.name = 'InvalidAttributeNameError';
  }
}

/** A queue attribute value outside its allowed range or format. */
export class InvalidAttributeValueError extends SqsError {
  public constructor(message: string) {
    super('InvalidAttributeValue', 'InvalidAttributeValue', 400, message);
    this.name = 'InvalidAttributeValueError';
  }
}

/** The message body holds characters outside the allowed Unicode set. */
export class InvalidMessageContentsError extends SqsError {
  public constructor() {
    super('InvalidMessageContents', 'InvalidMessageContents', 400, 'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
    this.name = 'InvalidMessageContentsError';
  }
}

/** A receipt handle that this service never issued for the queue. */
export class ReceiptHandleIsInvalidError extends SqsError {
  public constructor(handle: string) {
    super('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', 404, `The input receipt handle "${handle}" is not a valid receipt handle.`);
    this.name = 'ReceiptHandleIsInvalidError';
  }
}

/** ChangeMessageVisibility on a message that is not in flight any more (its visibility expired). */
export class MessageNotInflightError extends SqsError {
  public constructor() {
    super('MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 400, 'The specified message isn\'t in flight.');
    this.name = 'MessageNotInflightError';
  }
}

/** A batch request without entries. */
export class EmptyBatchRequestError extends SqsError {
  public constructor(entryType: string) {
    super('EmptyBatchRequest', 'AWS.SimpleQueueService.EmptyBatchRequest', 400, `There should be at least one ${entryType} in the request.`);
    this.name = 'EmptyBatchRequestError';
  }
}

/** A batch request with more than 10 entries. */
export class TooManyEntriesInBatchRequestError extends SqsError {
  public constructor(count: number) {
    super('TooManyEntriesInBatchRequest', 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400, `Maximum number of entries per request are 10. You have sent ${count}.`);
    this.name = 'TooManyEntriesInBatchRequestError';
  }
}

/** Two batch entries with the same Id. */
export class BatchEntryIdsNotDistinctError extends SqsError {
  public constructor(id: string) {
    super('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400, `Id ${id} repeated.`);
    this.name = 'BatchEntryIdsNotDistinctError';
  }
}

/** A batch entry Id with characters outside `[A-Za-z0-9_-]` or longer than 80. */
export class InvalidBatchEntryIdError extends SqsError {
  public constructor() {
    super('InvalidBatchEntryId', 'AWS.SimpleQueueService.InvalidBatchEntryId', 400, 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    this.name = 'InvalidBatchEntryIdError';
  }
}

/** The sum of the messages of a SendMessageBatch exceeds 1 MiB. */
export class BatchRequestTooLongError extends SqsError {
  public constructor(limit: number, size: number) {
    super('BatchRequestTooLong', 'AWS.SimpleQueueService.BatchRequestTooLong', 400, `Batch requests cannot be longer than ${limit} bytes. You have sent ${size} bytes.`);
    this.name = 'BatchRequestTooLongError';
  }
}

/** PurgeQueue within 60 seconds of the previous purge of the same queue. */
export class PurgeQueueInProgressError extends SqsError {
  public constructor(queueName: string) {
    super('PurgeQueueInProgress', 'AWS.SimpleQueueService.PurgeQueueInProgress', 403, `Only one PurgeQueue operation on ${queueName} is allowed every 60 seconds.`);
    this.name = 'PurgeQueueInProgressError';
  }
}

/** An operation or a variant of one the emulator (or SQS) does not support. */
export class UnsupportedOperationError extends SqsError {
  public constructor(message: string) {
    super('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', 400, message);
    this.name = 'UnsupportedOperationError';
  }
}

/** A message move task or its source queue that does not exist. */
export class ResourceNotFoundError extends SqsError {
  public constructor(message: string) {
    super('ResourceNotFoundException', 'ResourceNotFoundException', 404, message);
    this.name = 'ResourceNotFoundError';
  }
}

/** An `X-Amz-Target` that names no SQS operation, or a request that is not awsJson1_0. */
export class InvalidActionError extends SqsError {
  public constructor(message: string) {
    super('InvalidAction', 'InvalidAction', 400, message);
    this.name = 'InvalidActionError';
  }
}

/** A request body that is not a JSON object. */
export class SerializationError extends SqsError {
  public constructor(message: string) {
    super('SerializationException', 'SerializationException', 400, message);
    this.name = 'SerializationError';
  }
}
