import { randomUUID } from 'node:crypto';

import { MAX_DELAY_SECONDS } from './constants.js';
import { InvalidParameterValueError } from './errors.js';
import { integerIn } from './integer-in.js';
import { md5OfBody, md5OfMessageAttributes } from './md5.js';
import { messageSize, validateMessageAttributes, validateMessageBody } from './message-validation.js';
import { numericAttribute } from './queue-attributes.js';
import type { ReceivedMessage, SendOptions, StoredMessage, StoredQueue } from './types.js';

/**
 * Validates a SendMessage (body characters, attributes, DelaySeconds, size against the queue's
 * MaximumMessageSize) and builds the stored message with its MD5 digests.
 */
export function buildMessage(queue: StoredQueue, body: unknown, options: SendOptions, now: number, defaultSenderId: string): StoredMessage {
  const text = validateMessageBody(body);
  const delay = options.delaySeconds === undefined
    ? numericAttribute(queue.attributes, 'DelaySeconds')
    : integerIn('DelaySeconds', options.delaySeconds, 0, MAX_DELAY_SECONDS);
  const messageAttributes = validateMessageAttributes(options.messageAttributes);
  const systemAttributes = validateMessageAttributes(options.messageSystemAttributes, true);
  const limit = numericAttribute(queue.attributes, 'MaximumMessageSize');
  if (messageSize(text, messageAttributes) > limit) {
    throw new InvalidParameterValueError(`One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`);
  }
  return {
    messageId: randomUUID(),
    body: text,
    md5OfBody: md5OfBody(text),
    ...(messageAttributes ? { messageAttributes, md5OfMessageAttributes: md5OfMessageAttributes(messageAttributes) } : {}),
    ...(systemAttributes ? { messageSystemAttributes: systemAttributes, md5OfMessageSystemAttributes: md5OfMessageAttributes(systemAttributes) } : {}),
    senderId: options.senderId ?? defaultSenderId,
    sentTimestamp: now,
    visibleAt: now + delay * 1000,
    receiveCount: 0,
    inFlight: false,
  };
}

/**
 * A redriven copy of a dead-lettered message: "All redriven messages are considered new messages
 * and are assigned a new messageID and enqueueTime" (receive count 0).
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html
 */
export function redrivenMessage(message: StoredMessage, destination: StoredQueue | undefined, now: number): StoredMessage {
  const delay = destination ? numericAttribute(destination.attributes, 'DelaySeconds') : 0;
  return {
    messageId: randomUUID(),
    body: message.body,
    md5OfBody: message.md5OfBody,
    ...(message.messageAttributes ? { messageAttributes: message.messageAttributes, md5OfMessageAttributes: message.md5OfMessageAttributes } : {}),
    ...(message.messageSystemAttributes ? { messageSystemAttributes: message.messageSystemAttributes, md5OfMessageSystemAttributes: message.md5OfMessageSystemAttributes } : {}),
    senderId: message.senderId,
    sentTimestamp: now,
    visibleAt: now + delay * 1000,
    receiveCount: 0,
    inFlight: false,
  };
}

/** A just-received message with every system attribute (the wire layer filters them). */
export function toReceivedMessage(message: StoredMessage, receiptHandle: string, queueArn: string): ReceivedMessage {
  const attributes: Record<string, string> = {
    ApproximateReceiveCount: String(message.receiveCount),
    SentTimestamp: String(message.sentTimestamp),
    SenderId: message.senderId,
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? message.sentTimestamp),
  };
  const trace = message.messageSystemAttributes?.AWSTraceHeader?.StringValue;
  if (trace !== undefined) attributes.AWSTraceHeader = trace;
  return {
    messageId: message.messageId,
    receiptHandle,
    body: message.body,
    md5OfBody: message.md5OfBody,
    ...(message.messageAttributes ? { messageAttributes: message.messageAttributes } : {}),
    attributes,
    eventSourceArn: queueArn,
  };
}
