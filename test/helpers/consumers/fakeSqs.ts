import { SQSClient } from '@aws-sdk/client-sqs';
import { TEST_CREDENTIALS, TEST_REGION } from './dynalite.js';
import { startHttpServer, type LocalServer } from './listen.js';

/** One ChangeMessageVisibility call as the SQS JSON protocol carried it. */
export interface VisibilityChange {
  readonly QueueUrl: string;
  readonly ReceiptHandle: string;
  readonly VisibilityTimeout: number;
}

/** A tiny SQS endpoint that records ChangeMessageVisibility calls. */
export interface FakeSqs extends LocalServer {
  readonly calls: VisibilityChange[];
  /** A real SQS client pointed at this server. */
  readonly client: SQSClient;
  /** When true, every call is answered with an SQS error (ReceiptHandleIsInvalid). */
  failing: boolean;
}

/**
 * Starts the fake SQS endpoint: `POST /` with `X-Amz-Target: AmazonSQS.ChangeMessageVisibility`
 * and a JSON body (the AWS JSON 1.0 protocol the SDK speaks to SQS).
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html
 */
export const startFakeSqs = async (): Promise<FakeSqs> => {
  const calls: VisibilityChange[] = [];
  const state = { failing: false };
  const server = await startHttpServer((req, res, body) => {
    const target = req.headers['x-amz-target'];
    res.setHeader('content-type', 'application/x-amz-json-1.0');
    if (req.method !== 'POST' || target !== 'AmazonSQS.ChangeMessageVisibility') {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: `unsupported ${String(target)}` }));
      return;
    }
    if (state.failing) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({ __type: 'com.amazonaws.sqs#ReceiptHandleIsInvalid', message: 'The receipt handle is not valid.' }),
      );
      return;
    }
    calls.push(JSON.parse(body.toString('utf8')) as VisibilityChange);
    res.statusCode = 200;
    res.end('{}');
  });
  const client = new SQSClient({ endpoint: server.url, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  return {
    ...server,
    calls,
    client,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
};
