import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Envelope } from '../../../lambdas/consumers/kit/index.js';

/** The ARN of the queue test records claim to come from. */
export const TEST_QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:hookbridge-test-queue';

/** A version 1.0 envelope with a JSON payload; override any field. */
export const makeEnvelope = (overrides: Partial<Envelope> = {}): Envelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: 'webhooks.shopify',
  type: 'orders/create',
  time: '2026-11-25T20:00:00.000Z',
  datacontenttype: 'application/json',
  data: { id: 1001 },
  envelopeversion: '1.0',
  correlationid: `corr-${randomUUID()}`,
  verification: { scheme: 'shopify', secretIndex: 0 },
  vendorheaders: { 'x-shopify-shop-domain': 'example.myshopify.com' },
  ...overrides,
});

/** The EventBridge event EventBridge delivers to a rule's SQS target, with `detail` = the envelope. */
export const toEventBridgeEvent = (envelope: Envelope): Record<string, unknown> => ({
  version: '0',
  id: randomUUID(),
  'detail-type': envelope.type,
  source: envelope.source,
  account: '123456789012',
  time: envelope.time,
  region: 'us-east-1',
  resources: [],
  detail: envelope,
});

/** Options of one test SQS record. */
export interface RecordOptions {
  readonly messageId?: string;
  readonly receiveCount?: number;
  /** Replaces the body outright (for malformed-message tests). */
  readonly body?: string;
}

/** An SQS record as the Lambda event source mapping hands it over. */
export const makeSqsRecord = (envelope: Envelope, options: RecordOptions = {}): SQSRecord => {
  const messageId = options.messageId ?? randomUUID();
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: options.body ?? JSON.stringify(toEventBridgeEvent(envelope)),
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: '1764100800000',
      SenderId: 'AIDAEVENTBRIDGE',
      ApproximateFirstReceiveTimestamp: '1764100800100',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: TEST_QUEUE_ARN,
    awsRegion: 'us-east-1',
  };
};

/** An SQS event of the given records. */
export const makeSqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** A Lambda context whose remaining time is fixed (default 60 s). */
export const makeLambdaContext = (remainingMs = 60_000): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'hookbridge-test-consumer',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hookbridge-test-consumer',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/hookbridge-test-consumer',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => remainingMs,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
