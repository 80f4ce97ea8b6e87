import { describe, expect, it } from 'vitest';
import {
  dynamoDbChecks,
  eventsChecks,
  localArnContext,
  readJsonBody,
  s3Checks,
  secretsChecks,
  sqsChecks,
  UnmappableRequestError,
} from '../../../local/iam/index.js';

const ctx = localArnContext('us-east-1');

describe('sqsChecks', () => {
  it('maps a QueueUrl to the queue ARN', () => {
    const checks = sqsChecks('SendMessage', { QueueUrl: 'http://127.0.0.1:4566/000000000000/orders', MessageBody: 'x' }, ctx);
    expect(checks).toEqual([{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:000000000000:orders' }]);
  });

  it('authorizes batch operations by their single-message action', () => {
    const checks = sqsChecks('DeleteMessageBatch', { QueueUrl: 'http://127.0.0.1:4566/000000000000/orders' }, ctx);
    expect(checks[0]?.action).toBe('sqs:DeleteMessage');
  });

  it('maps GetQueueUrl by QueueName and a move task by SourceArn', () => {
    expect(sqsChecks('GetQueueUrl', { QueueName: 'orders' }, ctx)[0]?.resource).toBe('arn:aws:sqs:us-east-1:000000000000:orders');
    const dlq = 'arn:aws:sqs:us-east-1:000000000000:orders-dlq';
    expect(sqsChecks('StartMessageMoveTask', { SourceArn: dlq }, ctx)).toEqual([{ action: 'sqs:StartMessageMoveTask', resource: dlq }]);
  });

  it('uses * for ListQueues', () => {
    expect(sqsChecks('ListQueues', {}, ctx)).toEqual([{ action: 'sqs:ListQueues', resource: '*' }]);
  });
});

describe('eventsChecks', () => {
  it('checks PutEvents once per distinct bus, the default bus for entries without one', () => {
    const checks = eventsChecks(
      'PutEvents',
      {
        Entries: [
          { EventBusName: 'hookbridge' },
          { EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/hookbridge' },
          { Source: 'x' },
        ],
      },
      ctx,
    );
    expect(checks).toEqual([
      { action: 'events:PutEvents', resource: 'arn:aws:events:us-east-1:000000000000:event-bus/hookbridge' },
      { action: 'events:PutEvents', resource: 'arn:aws:events:us-east-1:000000000000:event-bus/default' },
    ]);
  });

  it('maps rules on a custom bus to rule/<bus>/<name> and on the default bus to rule/<name>', () => {
    expect(eventsChecks('PutTargets', { Rule: 'r1', EventBusName: 'hookbridge' }, ctx)[0]?.resource).toBe(
      'arn:aws:events:us-east-1:000000000000:rule/hookbridge/r1',
    );
    expect(eventsChecks('DescribeRule', { Name: 'r1' }, ctx)[0]?.resource).toBe('arn:aws:events:us-east-1:000000000000:rule/r1');
  });
});

describe('secretsChecks', () => {
  it('resolves a secret name to its full ARN through the lookup callback', () => {
    const full = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:github-AbC123';
    const checks = secretsChecks('GetSecretValue', { SecretId: 'github' }, { ...ctx, resolveSecretArn: (id) => (id === 'github' ? full : undefined) });
    expect(checks).toEqual([{ action: 'secretsmanager:GetSecretValue', resource: full }]);
  });

  it('names a secret it cannot resolve by its partial ARN', () => {
    expect(secretsChecks('GetSecretValue', { SecretId: 'missing' }, ctx)[0]?.resource).toBe(
      'arn:aws:secretsmanager:us-east-1:000000000000:secret:missing',
    );
  });
});

describe('dynamoDbChecks', () => {
  it('maps TableName to the table ARN', () => {
    expect(dynamoDbChecks('PutItem', { TableName: 'audit' }, ctx)).toEqual([
      { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:us-east-1:000000000000:table/audit' },
    ]);
  });

  it('checks every table of a batch and each transaction item by its own action', () => {
    expect(dynamoDbChecks('BatchWriteItem', { RequestItems: { a: [], b: [] } }, ctx).map((c) => c.resource)).toEqual([
      'arn:aws:dynamodb:us-east-1:000000000000:table/a',
      'arn:aws:dynamodb:us-east-1:000000000000:table/b',
    ]);
    const transact = dynamoDbChecks(
      'TransactWriteItems',
      { TransactItems: [{ Put: { TableName: 'a' } }, { ConditionCheck: { TableName: 'b' } }] },
      ctx,
    );
    expect(transact.map((c) => c.action)).toEqual(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']);
  });
});

describe('s3Checks', () => {
  it('maps object requests to s3:GetObject / s3:PutObject on bucket/key, the key decoded', () => {
    expect(s3Checks({ method: 'GET', url: '/claims/a/b%20c.json?x-id=GetObject' }, ctx)).toEqual([
      { action: 's3:GetObject', resource: 'arn:aws:s3:::claims/a/b c.json' },
    ]);
    expect(s3Checks({ method: 'HEAD', url: '/claims/k' }, ctx)[0]?.action).toBe('s3:GetObject');
    expect(s3Checks({ method: 'PUT', url: '/claims/k' }, ctx)[0]?.action).toBe('s3:PutObject');
  });

  it('maps bucket requests to bucket actions on the bucket ARN', () => {
    expect(s3Checks({ method: 'PUT', url: '/claims/' }, ctx)).toEqual([{ action: 's3:CreateBucket', resource: 'arn:aws:s3:::claims' }]);
    expect(s3Checks({ method: 'HEAD', url: '/claims' }, ctx)[0]?.action).toBe('s3:ListBucket');
  });
});

describe('readJsonBody', () => {
  it('fails if the body is not a JSON object', () => {
    expect(() => readJsonBody('[1]')).toThrow(new UnmappableRequestError('the request body is not a JSON object'));
  });
});
