import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { SQS_MAX_VISIBILITY_TIMEOUT_SECONDS } from './constants.js';

/**
 * The receive count of an SQS record (`ApproximateReceiveCount`), at least 1.
 */
export const receiveCountOf = (record: SQSRecord): number => {
  const count = Number.parseInt(record.attributes?.ApproximateReceiveCount ?? '', 10);
  return Number.isFinite(count) && count >= 1 ? count : 1;
};

/**
 * The exponential window for an attempt: `min(max, base * 2^(receiveCount - 1))`, and never over
 * the SQS limit of 12 hours.
 */
export const backoffCeilingSeconds = (receiveCount: number, baseSeconds: number, maxSeconds: number): number =>
  Math.min(
    maxSeconds,
    SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
    baseSeconds * 2 ** Math.max(0, receiveCount - 1),
  );

/**
 * Full-jitter backoff: a whole number of seconds drawn uniformly from `[0, ceiling]`, where
 * ceiling is {@link backoffCeilingSeconds}. Full jitter spreads the retries of a batch that
 * failed together (a downstream outage) instead of sending them back in lockstep.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export const backoffSeconds = (
  receiveCount: number,
  baseSeconds: number,
  maxSeconds: number,
  random: () => number = Math.random,
): number => {
  const ceiling = backoffCeilingSeconds(receiveCount, baseSeconds, maxSeconds);
  return Math.min(Math.floor(random() * (Math.floor(ceiling) + 1)), Math.floor(ceiling));
};

/**
 * Makes a failed message visible again after `seconds`: ChangeMessageVisibility counts the new
 * timeout from the call, so the next attempt comes after the backoff instead of after the queue's
 * visibility timeout.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 */
export const delayRetry = async (
  sqs: SQSClient,
  queueUrl: string,
  record: SQSRecord,
  seconds: number,
): Promise<void> => {
  await sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrl,
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: seconds,
    }),
  );
};
