/** Base error of the local IAM module. */
export class IamError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IamError';
  }
}

/** A policy document the evaluator cannot read (no Effect, neither Action nor NotAction, ...). */
export class MalformedPolicyError extends IamError {
  /** The offending statement, as given. */
  public readonly statement: unknown;

  public constructor(message: string, statement: unknown) {
    super(message);
    this.name = 'MalformedPolicyError';
    this.statement = statement;
  }
}

/** A request body the mapper needs to read is not the JSON object its protocol requires. */
export class UnmappableRequestError extends IamError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnmappableRequestError';
  }
}
