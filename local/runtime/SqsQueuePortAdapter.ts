import type { QueueMessageAttribute, ReceivedQueueMessage, SqsQueuePort } from '../pollers/index.js';
import type { ReceivedMessage, SqsService } from '../services/sqs/index.js';

function toPollerMessage(message: ReceivedMessage): ReceivedQueueMessage {
  const messageAttributes: Record<string, QueueMessageAttribute> = {};
  for (const [name, value] of Object.entries(message.messageAttributes ?? {})) {
    messageAttributes[name] = {
      DataType: value.DataType,
      ...(value.StringValue !== undefined ? { StringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { BinaryValue: new Uint8Array(Buffer.from(value.BinaryValue, 'base64')) } : {}),
    };
  }
  const attributes = message.attributes;
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    md5OfBody: message.md5OfBody,
    attributes: {
      ...attributes,
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? '0',
      SenderId: attributes.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? attributes.SentTimestamp ?? '0',
    },
    messageAttributes,
  };
}

/**
 * The local SQS service as the queue an event source mapping polls ({@link SqsQueuePort}):
 * receive without long polling, delete by receipt handle, and the service's in-process wake-up on
 * send or visibility expiry.
 */
export class SqsQueuePortAdapter implements SqsQueuePort {
  public constructor(private readonly sqs: SqsService) {}

  public async receive(queueArn: string, maxMessages: number, visibilityTimeoutSeconds?: number): Promise<readonly ReceivedQueueMessage[]> {
    const messages = await this.sqs.receiveMessages(queueArn, {
      maxNumberOfMessages: maxMessages,
      waitTimeSeconds: 0,
      ...(visibilityTimeoutSeconds !== undefined ? { visibilityTimeout: visibilityTimeoutSeconds } : {}),
    });
    return messages.map(toPollerMessage);
  }

  public async delete(queueArn: string, receiptHandles: readonly string[]): Promise<void> {
    for (const handle of receiptHandles) this.sqs.deleteMessage(queueArn, handle);
  }

  public async waitForMessages(queueArn: string, signal: AbortSignal): Promise<void> {
    await this.sqs.waitForMessages(queueArn, { signal });
  }
}
