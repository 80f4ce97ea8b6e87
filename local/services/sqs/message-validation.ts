import { MAX_MESSAGE_ATTRIBUTES } from './constants.js';
import { InvalidMessageContentsError, InvalidParameterValueError } from './errors.js';
import type { MessageAttributeMap, MessageAttributeValue } from './types.js';

/**
 * Characters a message may contain: "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD |
 * #x10000 to #x10FFFF" (lone surrogates are rejected by the `u` flag).
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
const INVALID_BODY_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.[^\s]{1,256})?$/;

/** Checks a message body's characters; fails with InvalidMessageContents. */
export function validateMessageBody(body: unknown): string {
  if (typeof body !== 'string' || body.length === 0) {
    throw new InvalidParameterValueError('The request must contain a non-empty MessageBody.');
  }
  if (INVALID_BODY_CHARACTER.test(body)) throw new InvalidMessageContentsError();
  return body;
}

function validateAttribute(name: string, value: unknown, system: boolean): MessageAttributeValue {
  if (system) {
    if (name !== 'AWSTraceHeader') {
      throw new InvalidParameterValueError(`Message system attribute name '${name}' is invalid.`);
    }
  } else if (
    !ATTRIBUTE_NAME.test(name) ||
    name.startsWith('.') ||
    name.endsWith('.') ||
    name.includes('..') ||
    /^(aws\.|amazon\.)/i.test(name)
  ) {
    throw new InvalidParameterValueError(`Message attribute name '${name}' is invalid.`);
  }
  if (value === null || typeof value !== 'object') {
    throw new InvalidParameterValueError(`The message attribute '${name}' must contain non-empty message attribute value.`);
  }
  const { DataType, StringValue, BinaryValue } = value as Record<string, unknown>;
  if (typeof DataType !== 'string' || DataType.length === 0) {
    throw new InvalidParameterValueError(`The message attribute '${name}' must contain non-empty message attribute type.`);
  }
  if (!DATA_TYPE.test(DataType)) {
    throw new InvalidParameterValueError(`The type of message attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
  }
  if (DataType.startsWith('Binary')) {
    if (typeof BinaryValue !== 'string' || BinaryValue.length === 0) {
      throw new InvalidParameterValueError(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
    }
    return { DataType, BinaryValue };
  }
  if (typeof StringValue !== 'string' || StringValue.length === 0) {
    throw new InvalidParameterValueError(`The message attribute '${name}' with type '${DataType.startsWith('Number') ? 'Number' : 'String'}' must use field 'String'.`);
  }
  if (DataType.startsWith('Number') && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(StringValue.trim())) {
    throw new InvalidParameterValueError(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
  if (INVALID_BODY_CHARACTER.test(StringValue)) throw new InvalidMessageContentsError();
  return { DataType, StringValue };
}

/**
 * Checks message (user) attributes or message system attributes: at most 10, valid names, a data
 * type of String, Number or Binary (optionally with a custom label) and a non-empty value.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
 */
export function validateMessageAttributes(input: unknown, system = false): MessageAttributeMap | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new InvalidParameterValueError('Message attributes must be a map.');
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  if (entries.length > MAX_MESSAGE_ATTRIBUTES) {
    throw new InvalidParameterValueError(`Number of message attributes [${entries.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`);
  }
  const result: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of entries) result[name] = validateAttribute(name, value, system);
  return result;
}

/**
 * Bytes a message counts against MaximumMessageSize: the body plus, for every attribute, its name,
 * data type and value ("the message size includes the message body and attributes").
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
 */
export function messageSize(body: string, attributes?: MessageAttributeMap): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, value] of Object.entries(attributes ?? {})) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value.DataType, 'utf8');
    size += value.BinaryValue !== undefined ? Buffer.from(value.BinaryValue, 'base64').length : Buffer.byteLength(value.StringValue ?? '', 'utf8');
  }
  return size;
}
