/**
 * Base class of every error the consumer kit raises.
 */
export class ConsumerKitError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConsumerKitError';
  }
}

/**
 * A required setting is missing or out of range (environment variable or option).
 */
export class ConsumerConfigurationError extends ConsumerKitError {
  /** The environment variable or option to fix. */
  public readonly setting: string;

  public constructor(setting: string, message: string) {
    super(message);
    this.name = 'ConsumerConfigurationError';
    this.setting = setting;
  }
}

/**
 * An SQS message body is not an EventBridge event whose `detail` is a hookbridge envelope.
 */
export class InvalidEnvelopeError extends ConsumerKitError {
  /** The SQS message id of the offending record. */
  public readonly messageId: string;

  public constructor(messageId: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidEnvelopeError';
    this.messageId = messageId;
  }
}

/**
 * The claim-checked payload (`dataref`) could not be fetched from S3.
 */
export class ClaimCheckFetchError extends ConsumerKitError {
  public readonly bucket: string;
  public readonly key: string;

  public constructor(bucket: string, key: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClaimCheckFetchError';
    this.bucket = bucket;
    this.key = key;
  }
}

/**
 * The claim-checked payload fetched from S3 does not match the `size` or `sha256` the envelope
 * carries: it was replaced or truncated after the verifier stored it.
 */
export class ClaimCheckIntegrityError extends ConsumerKitError {
  public readonly bucket: string;
  public readonly key: string;

  public constructor(bucket: string, key: string, message: string) {
    super(message);
    this.name = 'ClaimCheckIntegrityError';
    this.bucket = bucket;
    this.key = key;
  }
}

/**
 * A payload could not be parsed according to its `datacontenttype`.
 */
export class PayloadParseError extends ConsumerKitError {
  public readonly contentType: string;

  public constructor(contentType: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PayloadParseError';
    this.contentType = contentType;
  }
}
