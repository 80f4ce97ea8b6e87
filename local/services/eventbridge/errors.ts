/**
 * Base error of the EventBridge emulator: carries the AWS exception name (`__type` on the wire)
 * and the HTTP status to answer with.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html
 */
export class EventBridgeServiceError extends Error {
  public constructor(
    message: string,
    /** AWS exception name, e.g. `ResourceNotFoundException`. */
    public readonly awsErrorCode: string,
    public readonly statusCode = 400,
  ) {
    super(message);
    this.name = 'EventBridgeServiceError';
  }
}

/** `ResourceNotFoundException`: a bus, rule, archive or replay does not exist. */
export class ResourceNotFoundError extends EventBridgeServiceError {
  public constructor(message: string) {
    super(message, 'ResourceNotFoundException');
    this.name = 'ResourceNotFoundError';
  }
}

/** `ResourceAlreadyExistsException`: a bus, archive or replay of that name exists. */
export class ResourceAlreadyExistsError extends EventBridgeServiceError {
  public constructor(message: string) {
    super(message, 'ResourceAlreadyExistsException');
    this.name = 'ResourceAlreadyExistsError';
  }
}

/** `ValidationException`: a parameter is missing or not valid. */
export class ValidationError extends EventBridgeServiceError {
  public constructor(message: string) {
    super(message, 'ValidationException');
    this.name = 'ValidationError';
  }
}

/** `InternalException` (HTTP 500): used by the fault hook and for unexpected failures. */
export class InternalError extends EventBridgeServiceError {
  public constructor(message: string) {
    super(message, 'InternalException', 500);
    this.name = 'InternalError';
  }
}

/** `UnknownOperationException`: the `X-Amz-Target` names no operation this emulator serves. */
export class UnknownOperationError extends EventBridgeServiceError {
  public constructor(target: string) {
    super(`Operation not supported by the local EventBridge: ${target}`, 'UnknownOperationException');
    this.name = 'UnknownOperationError';
  }
}

/** `SerializationException`: the request body is not a JSON object. */
export class SerializationError extends EventBridgeServiceError {
  public constructor(message: string) {
    super(message, 'SerializationException');
    this.name = 'SerializationError';
  }
}
