import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { QueuedConsumer, type QueuedConsumerProps } from '../../lib/queued-consumer.js';
import { newStackWithBus, TEAM_CONSUMER_ENTRY } from '../helpers/cdk/stacks.js';

type Extra = Partial<Omit<QueuedConsumerProps, 'eventBus' | 'idempotencyTable'>> & { withBucket?: boolean };

function build(extra: Extra = {}) {
  const { stack, bus, table } = newStackWithBus();
  const { withBucket, ...props } = extra;
  const claimCheckBucket = withBucket ? new Bucket(stack, 'ClaimCheck') : undefined;
  const consumer = new QueuedConsumer(stack, 'crm-sync', {
    eventBus: bus,
    idempotencyTable: table.table,
    entry: TEAM_CONSUMER_ENTRY,
    claimCheckBucket,
    ...props,
  });
  return { stack, consumer, template: () => Template.fromStack(stack) };
}

const mainQueue = { RedrivePolicy: Match.anyValue() };

function consumerEnv(template: Template): Record<string, unknown> {
  const fns = template.findResources('AWS::Lambda::Function', {
    Properties: { Environment: { Variables: { HOOKBRIDGE_CONSUMER: Match.anyValue() } } },
  });
  const [fn] = Object.values(fns) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
  return fn!.Properties.Environment.Variables;
}

describe('QueuedConsumer', () => {
  it('creates a rule on the bus with the given event pattern, targeting the queue', () => {
    build({ eventPattern: { source: ['webhooks.shopify'], detailType: ['orders/create'] } }).template().hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
      EventPattern: { source: ['webhooks.shopify'], 'detail-type': ['orders/create'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncQueue'), 'Arn'] } })],
    });
  });

  it('names the rule after its construct path, so that its metrics can be found', () => {
    const { consumer, template } = build();
    expect(consumer.ruleName).toMatch(/^Test-crmsync-[0-9A-F]{8}$/);
    template().hasResourceProperties('AWS::Events::Rule', { Name: consumer.ruleName });
  });

  it('takes every event of the account by default', () => {
    build().template().hasResourceProperties('AWS::Events::Rule', { EventPattern: { account: [{ Ref: 'AWS::AccountId' }] } });
  });

  it("sends events the rule cannot deliver to the target's own DLQ", () => {
    build().template().hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncDeliveryDeadLetterQueue'), 'Arn'] } } })],
    });
  });

  it('creates three queues: the queue, its DLQ and the delivery DLQ', () => {
    build().template().resourceCountIs('AWS::SQS::Queue', 3);
  });

  it('encrypts every queue with SQS-managed keys', () => {
    const queues = build().template().findResources('AWS::SQS::Queue', { Properties: { SqsManagedSseEnabled: true } });
    expect(Object.keys(queues)).toHaveLength(3);
  });

  it('denies non-TLS access to every queue', () => {
    const policies = build().template().findResources('AWS::SQS::QueuePolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
    });
    expect(Object.keys(policies)).toHaveLength(3);
  });

  it('takes messages up to 1 MiB on every queue', () => {
    const queues = build().template().findResources('AWS::SQS::Queue', { Properties: { MaximumMessageSize: 1_048_576 } });
    expect(Object.keys(queues)).toHaveLength(3);
  });

  it('moves a message to the DLQ after 5 receives by default', () => {
    build().template().hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncDeadLetterQueue'), 'Arn'] }, maxReceiveCount: 5 },
    });
  });

  it('takes maxReceiveCount as a prop', () => {
    build({ maxReceiveCount: 3 }).template().hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
    });
  });

  it('keeps queued messages 4 days and DLQ messages 14 days', () => {
    const t = build().template();
    t.hasResourceProperties('AWS::SQS::Queue', { ...mainQueue, MessageRetentionPeriod: 345_600 });
    const dlqs = t.findResources('AWS::SQS::Queue', { Properties: { MessageRetentionPeriod: 1_209_600 } });
    expect(Object.keys(dlqs)).toHaveLength(2);
  });

  it('sets the visibility timeout to 6 × the function timeout (30 s → 180 s)', () => {
    const t = build().template();
    t.hasResourceProperties('AWS::SQS::Queue', { ...mainQueue, VisibilityTimeout: 180 });
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 30, Handler: 'index.handler' });
  });

  it('follows a longer function timeout', () => {
    build({ timeout: Duration.seconds(60) }).template().hasResourceProperties('AWS::SQS::Queue', { ...mainQueue, VisibilityTimeout: 360 });
  });

  it('runs the team handler on the latest Node.js runtime, arm64, 256 MB, traced', () => {
    build().template().hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      TracingConfig: { Mode: 'Active' },
    });
  });

  it('maps the queue to the function with partial batch failures and batches of 10', () => {
    build().template().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: Match.absent(),
      ScalingConfig: Match.absent(),
    });
  });

  it('takes batch size, batching window and maximum concurrency as props', () => {
    build({ batchSize: 100, maxBatchingWindow: Duration.seconds(5), maxConcurrency: 3 }).template().hasResourceProperties(
      'AWS::Lambda::EventSourceMapping',
      { BatchSize: 100, MaximumBatchingWindowInSeconds: 5, ScalingConfig: { MaximumConcurrency: 3 } },
    );
  });

  it('sets exactly the consumer environment of docs/contract.md, with its defaults', () => {
    const env = consumerEnv(build().template());
    expect(env).toMatchObject({
      HOOKBRIDGE_CONSUMER: 'crm-sync',
      HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS: String(31 * 86_400),
      HOOKBRIDGE_BACKOFF_BASE_SECONDS: '2',
      HOOKBRIDGE_BACKOFF_MAX_SECONDS: '900',
    });
    expect(env.HOOKBRIDGE_IDEMPOTENCY_TABLE).toEqual({ Ref: expect.stringMatching(/^IdempotencyTable/) });
    expect(env.HOOKBRIDGE_QUEUE_URL).toEqual({ Ref: expect.stringMatching(/^crmsyncQueue/) });
    expect(env.HOOKBRIDGE_CLAIM_CHECK_BUCKET).toBeUndefined();
    expect(Object.keys(env).filter((k) => k.startsWith('HOOKBRIDGE_')).sort()).toEqual(
      [
        'HOOKBRIDGE_CONSUMER',
        'HOOKBRIDGE_IDEMPOTENCY_TABLE',
        'HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS',
        'HOOKBRIDGE_QUEUE_URL',
        'HOOKBRIDGE_BACKOFF_BASE_SECONDS',
        'HOOKBRIDGE_BACKOFF_MAX_SECONDS',
      ].sort(),
    );
  });

  it('passes the claim-check bucket and extra environment', () => {
    const env = consumerEnv(build({ withBucket: true, environment: { HOOKBRIDGE_DOWNSTREAM_URL: 'https://crm.example.com' } }).template());
    expect(env.HOOKBRIDGE_CLAIM_CHECK_BUCKET).toEqual({ Ref: expect.stringMatching(/^ClaimCheck/) });
    expect(env.HOOKBRIDGE_DOWNSTREAM_URL).toBe('https://crm.example.com');
  });

  it('grants idempotency RW, ChangeMessageVisibility on its queue and S3 read of claim checks', () => {
    build({ withBucket: true }).template().hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^crmsyncHandlerRoleDefaultPolicy'),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IdempotencyTable'), 'Arn'] },
          }),
          Match.objectLike({
            Action: Match.arrayWith(['sqs:ChangeMessageVisibility']),
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncQueue'), 'Arn'] },
          }),
          Match.objectLike({ Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ClaimCheck'), 'Arn'] }, '/*']] } }),
        ]),
      },
    });
  });

  it('fails if batchSize is 20000', () => {
    expect(() => build({ batchSize: 20_000, maxBatchingWindow: Duration.seconds(1) })).toThrow('batchSize must be between 1 and 10000 (given 20000)');
  });

  it('fails if batchSize is above 10 without a batching window', () => {
    expect(() => build({ batchSize: 20 })).toThrow(
      'batchSize above 10 needs maxBatchingWindow of at least 1 second (given batchSize 20, maxBatchingWindow 0)',
    );
  });

  it('fails if the visibility timeout is below 6 × the function timeout', () => {
    expect(() => build({ timeout: Duration.seconds(30), visibilityTimeout: Duration.seconds(60) })).toThrow(
      'visibilityTimeout must be at least 6 × timeout = 180 seconds (given 60)',
    );
  });

  it('fails if maxConcurrency is 1', () => {
    expect(() => build({ maxConcurrency: 1 })).toThrow('maxConcurrency must be between 2 and 1000 (given 1)');
  });

  it('fails if maxBatchingWindow exceeds 300 seconds', () => {
    expect(() => build({ maxBatchingWindow: Duration.seconds(301) })).toThrow('maxBatchingWindow (seconds) must be between 0 and 300 (given 301)');
  });

  it('fails if backoffMax exceeds the 12-hour SQS visibility limit', () => {
    expect(() => build({ backoffMax: Duration.hours(13) })).toThrow('backoffMax (seconds) must be between 1 and 43200 (given 46800)');
  });
});
