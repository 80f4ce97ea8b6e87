/**
 * The AWS exception name EventBridge answers when a pattern is rejected.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html#API_PutRule_Errors
 */
export const INVALID_EVENT_PATTERN_EXCEPTION = 'InvalidEventPatternException';

/**
 * Thrown when an event pattern is not valid. The service layer answers it as
 * `InvalidEventPatternException`; the message is ours, not AWS's (tests compare names, never texts).
 */
export class InvalidEventPatternError extends Error {
  /** The AWS exception name to put on the wire. */
  public readonly awsErrorCode = INVALID_EVENT_PATTERN_EXCEPTION;

  public constructor(message: string, options?: { cause?: unknown }) {
    super(`Event pattern is not valid. Reason: ${message}`, options);
    this.name = 'InvalidEventPatternError';
  }
}
