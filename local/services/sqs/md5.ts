import { createHash } from 'node:crypto';

import type { MessageAttributeMap } from './types.js';

/** Hex MD5 of a message body's UTF-8 bytes (`MD5OfMessageBody`, `MD5OfBody`). */
export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

/**
 * Hex MD5 of message attributes (`MD5OfMessageAttributes`, `MD5OfMessageSystemAttributes`) as AWS
 * specifies it: attributes sorted by name; for each, the name, the data type (each as a 4-byte
 * big-endian length followed by the UTF-8 bytes), one transport byte (1 = String/Number,
 * 2 = Binary), then the value (length-prefixed UTF-8 or raw bytes).
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 */
export function md5OfMessageAttributes(attributes: MessageAttributeMap): string {
  const hash = createHash('md5');
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name];
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(attribute.DataType, 'utf8')));
    if (attribute.BinaryValue !== undefined && attribute.DataType.startsWith('Binary')) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(attribute.BinaryValue, 'base64')));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}
