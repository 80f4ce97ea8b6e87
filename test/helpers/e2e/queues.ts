import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Depths of one queue (SQS GetQueueAttributes: the same call works against AWS). */
export interface QueueDepth {
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

/** The approximate depths of a queue. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<QueueDepth> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return {
    visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
  };
}

/** The ARN of a queue. */
export async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  if (!Attributes.QueueArn) throw new Error(`${queueUrl} has no QueueArn attribute`);
  return Attributes.QueueArn;
}

/** True when a queue holds nothing (visible, in flight or delayed). */
export const isDrained = (depth: QueueDepth): boolean => depth.visible + depth.inFlight + depth.delayed === 0;
