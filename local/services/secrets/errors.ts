/**
 * Errors of the Secrets Manager emulator. `type` is the `__type` the JSON 1.1 wire carries, which
 * the AWS SDK v3 surfaces as `err.name`.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html
 */
export class SecretsManagerError extends Error {
  /** The AWS error code, e.g. `ResourceNotFoundException`. */
  public readonly type: string;
  /** HTTP status of the error response. */
  public readonly status: number;

  public constructor(type: string, status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretsManagerError';
    this.type = type;
    this.status = status;
  }
}

/** The secret, or the requested version of it, does not exist. */
export class ResourceNotFoundError extends SecretsManagerError {
  public constructor(message = "Secrets Manager can't find the specified secret.") {
    super('ResourceNotFoundException', 400, message);
    this.name = 'ResourceNotFoundError';
  }
}

/** A secret with this name, or a version with this id and another value, exists already. */
export class ResourceExistsError extends SecretsManagerError {
  public constructor(message: string) {
    super('ResourceExistsException', 400, message);
    this.name = 'ResourceExistsError';
  }
}

/** A parameter value is not valid (`InvalidParameterException`). */
export class InvalidParameterError extends SecretsManagerError {
  public constructor(message: string) {
    super('InvalidParameterException', 400, message);
    this.name = 'InvalidParameterError';
  }
}

/** The request is not valid for the secret's current state (`InvalidRequestException`). */
export class InvalidRequestError extends SecretsManagerError {
  public constructor(message: string) {
    super('InvalidRequestException', 400, message);
    this.name = 'InvalidRequestError';
  }
}
