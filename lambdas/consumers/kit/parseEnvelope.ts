import type { SQSRecord } from 'aws-lambda';
import { InvalidEnvelopeError } from './errors.js';
import type { Envelope } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Reads the envelope out of an SQS record whose body is an EventBridge event (`detail` = envelope).
 * Checks only what the kit relies on: `id`, `source`, `type`, and one payload form.
 */
export const parseEnvelope = (record: SQSRecord): Envelope => {
  let event: unknown;
  try {
    event = JSON.parse(record.body);
  } catch (error) {
    throw new InvalidEnvelopeError(record.messageId, `message ${record.messageId} body is not JSON`, {
      cause: error,
    });
  }
  if (!isObject(event) || !isObject(event.detail)) {
    throw new InvalidEnvelopeError(
      record.messageId,
      `message ${record.messageId} is not an EventBridge event with an object detail`,
    );
  }
  const detail = event.detail;
  const missing = ['id', 'source', 'type'].filter((field) => !nonEmptyString(detail[field]));
  if (missing.length > 0) {
    throw new InvalidEnvelopeError(
      record.messageId,
      `message ${record.messageId} envelope lacks ${missing.join(', ')}`,
    );
  }
  if (detail.dataref !== undefined) {
    const ref = detail.dataref;
    if (
      !isObject(ref) ||
      !nonEmptyString(ref.bucket) ||
      !nonEmptyString(ref.key) ||
      typeof ref.size !== 'number' ||
      !nonEmptyString(ref.sha256)
    ) {
      throw new InvalidEnvelopeError(
        record.messageId,
        `message ${record.messageId} envelope has a malformed dataref (needs bucket, key, size, sha256)`,
      );
    }
  }
  return detail as unknown as Envelope;
};
