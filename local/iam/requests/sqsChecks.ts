import type { AuthorizationCheck, MappingContext } from '../types.js';
import { type JsonBody, stringField } from './readBody.js';

const queueArnFromUrl = (ctx: MappingContext, queueUrl: string): string => {
  const segments = queueUrl.replace(/^[a-z]+:\/\/[^/]+/i, '').split('/').filter(Boolean);
  const name = segments.at(-1) ?? '';
  const account = segments.length >= 2 ? (segments.at(-2) as string) : ctx.accountId;
  return `arn:${ctx.partition}:sqs:${ctx.region}:${account}:${name}`;
};

/**
 * The IAM checks of one SQS JSON-protocol request (`X-Amz-Target: AmazonSQS.<Op>`). The resource is
 * the queue ARN derived from `QueueUrl` (or `QueueName`, or `SourceArn` for message move tasks).
 * The batch operations are authorized by their single-message actions: there is no
 * `sqs:SendMessageBatch` action.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsqs.html
 */
export const sqsChecks = (operation: string, body: JsonBody, ctx: MappingContext): AuthorizationCheck[] => {
  const action = `sqs:${operation.replace(/Batch$/, '')}`;
  const queueUrl = stringField(body, 'QueueUrl');
  if (queueUrl !== undefined) return [{ action, resource: queueArnFromUrl(ctx, queueUrl) }];
  const queueName = stringField(body, 'QueueName');
  if (queueName !== undefined) {
    const owner = stringField(body, 'QueueOwnerAWSAccountId') ?? ctx.accountId;
    return [{ action, resource: `arn:${ctx.partition}:sqs:${ctx.region}:${owner}:${queueName}` }];
  }
  const sourceArn = stringField(body, 'SourceArn');
  if (sourceArn !== undefined) return [{ action, resource: sourceArn }];
  return [{ action, resource: '*' }];
};
