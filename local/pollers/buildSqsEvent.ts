import type {
  QueueMessageAttribute,
  ReceivedQueueMessage,
  SqsLambdaEvent,
  SqsLambdaMessageAttribute,
  SqsLambdaRecord,
} from './types.js';

/**
 * The event an SQS event source mapping delivers for a batch: one record per message, system
 * attributes under their SQS names, message attributes in lower camel case with binary values in
 * base64 and the (always empty) list fields Lambda includes.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html#example-standard-queue-message-event
 */
export function buildSqsEvent(messages: readonly ReceivedQueueMessage[], queueArn: string, region: string): SqsLambdaEvent {
  return { Records: messages.map((message) => toRecord(message, queueArn, region)) };
}

function toRecord(message: ReceivedQueueMessage, queueArn: string, region: string): SqsLambdaRecord {
  const messageAttributes: Record<string, SqsLambdaMessageAttribute> = {};
  for (const [name, attribute] of Object.entries(message.messageAttributes)) {
    messageAttributes[name] = toLambdaAttribute(attribute);
  }
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: { ...message.attributes },
    messageAttributes,
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes !== undefined ? { md5OfMessageAttributes: message.md5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

function toLambdaAttribute(attribute: QueueMessageAttribute): SqsLambdaMessageAttribute {
  return {
    ...(attribute.StringValue !== undefined ? { stringValue: attribute.StringValue } : {}),
    ...(attribute.BinaryValue !== undefined ? { binaryValue: Buffer.from(attribute.BinaryValue).toString('base64') } : {}),
    stringListValues: [],
    binaryListValues: [],
    dataType: attribute.DataType,
  };
}

/** Region part of an ARN (`arn:aws:sqs:<region>:…`). */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}
