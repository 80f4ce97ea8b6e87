import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as eventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildGraph } from '../../../local/template/buildGraph.js';
import { loadCloudAssembly } from '../../../local/template/loadCloudAssembly.js';
import { resolveTemplate } from '../../../local/template/resolveTemplate.js';
import type { FunctionNode, ResourceGraph } from '../../../local/template/types.js';
import { echoFunction, localContext, synthStack, type SynthesizedStack } from '../../helpers/template/synthStack.js';

/** A small webhook app: HTTP API → verifier → bus (archived) → rule → queue (DLQ) → consumer. */
function webhookApp(): SynthesizedStack {
  return synthStack((stack) => {
    const dlq = new sqs.Queue(stack, 'ConsumerDlq');
    const queue = new sqs.Queue(stack, 'ConsumerQueue', {
      visibilityTimeout: Duration.seconds(120),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 4 },
    });
    const bus = new events.EventBus(stack, 'Bus', { eventBusName: 'hookbridge' });
    bus.archive('Archive', { eventPattern: { source: events.Match.prefix('webhooks.') }, retention: Duration.days(30) });
    new events.Rule(stack, 'GithubRule', {
      eventBus: bus,
      eventPattern: { source: ['webhooks.github'] },
      targets: [new targets.SqsQueue(queue, { deadLetterQueue: dlq, retryAttempts: 3 })],
    });
    const table = new dynamodb.TableV2(stack, 'Idempotency', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
      globalSecondaryIndexes: [{ indexName: 'bySource', partitionKey: { name: 'source', type: dynamodb.AttributeType.STRING } }],
    });
    const secret = new secretsmanager.Secret(stack, 'GithubSecret', { secretName: 'hookbridge/github' });
    const bucket = new s3.Bucket(stack, 'ClaimCheck', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });

    const api = new apigw.HttpApi(stack, 'Api');
    const verifier = echoFunction(stack, 'Verifier', {
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: {
        HOOKBRIDGE_EVENT_BUS_NAME: bus.eventBusName,
        HOOKBRIDGE_SECRET_ID: secret.secretArn,
        HOOKBRIDGE_CLAIM_CHECK_BUCKET: bucket.bucketName,
        HOOKBRIDGE_PUBLIC_URL: `${api.apiEndpoint}/webhooks/twilio`,
        API_URL: api.url!,
      },
    });
    api.addRoutes({
      path: '/webhooks/github',
      methods: [apigw.HttpMethod.ANY],
      integration: new integrations.HttpLambdaIntegration('Github', verifier),
    });
    bus.grantPutEventsTo(verifier);
    secret.grantRead(verifier);
    bucket.grantPut(verifier);

    const consumer = echoFunction(stack, 'Consumer', {
      reservedConcurrentExecutions: 5,
      environment: {
        HOOKBRIDGE_QUEUE_URL: queue.queueUrl,
        QUEUE_ARN: queue.queueArn,
        HOOKBRIDGE_IDEMPOTENCY_TABLE: table.tableName,
      },
    });
    consumer.addEventSource(
      new eventSources.SqsEventSource(queue, {
        batchSize: 5,
        maxBatchingWindow: Duration.seconds(2),
        maxConcurrency: 3,
        reportBatchItemFailures: true,
      }),
    );
    table.grantReadWriteData(consumer);

    new CfnOutput(stack, 'ApiUrl', { value: api.url! });
    new CfnOutput(stack, 'QueueUrl', { value: queue.queueUrl });
    new CfnOutput(stack, 'BusName', { value: bus.eventBusName });
  });
}

describe('buildGraph on a synthesized webhook app', () => {
  let app: SynthesizedStack;
  let graph: ResourceGraph;
  const fn = (prefix: string): FunctionNode => {
    const found = graph.functions.find((f) => f.logicalId.startsWith(prefix));
    if (found === undefined) throw new Error(`no function ${prefix}`);
    return found;
  };

  beforeAll(() => {
    app = webhookApp();
    const stack = loadCloudAssembly(app.outdir);
    graph = buildGraph(resolveTemplate(stack.template, localContext(stack.stackName)), stack);
  });
  afterAll(() => app.dispose());

  it('resolves Ref and GetAtt of a queue in a function environment to the local queue URL and ARN', () => {
    // GIVEN the consumer queue
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    // THEN the consumer sees its local URL and ARN
    expect(queue.url).toBe(`http://127.0.0.1:4566/000000000000/${queue.name}`);
    expect(queue.arn).toBe(`arn:aws:sqs:us-east-1:000000000000:${queue.name}`);
    expect(fn('Consumer').environment.HOOKBRIDGE_QUEUE_URL).toBe(queue.url);
    expect(fn('Consumer').environment.QUEUE_ARN).toBe(queue.arn);
    expect(queue.name).toMatch(/^TemplateTest-ConsumerQueue[0-9A-F]{8}-[A-Z0-9]{13}$/);
  });

  it('resolves the redrive policy to the DLQ ARN', () => {
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    const dlq = graph.queues.find((q) => q.logicalId.startsWith('ConsumerDlq'))!;
    expect(queue.redrivePolicy).toEqual({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 4 });
    expect(queue.deadLetterQueueLogicalId).toBe(dlq.logicalId);
    expect(queue.visibilityTimeoutSeconds).toBe(120);
    expect(dlq.visibilityTimeoutSeconds).toBe(30);
  });

  it('resolves rule targets to queue ARNs on the named bus, with DLQ and retry policy', () => {
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    const dlq = graph.queues.find((q) => q.logicalId.startsWith('ConsumerDlq'))!;
    const [rule] = graph.rules;
    expect(rule!.busName).toBe('hookbridge');
    expect(rule!.arn).toBe(`arn:aws:events:us-east-1:000000000000:rule/hookbridge/${rule!.name}`);
    expect(rule!.eventPattern).toEqual({ source: ['webhooks.github'] });
    expect(rule!.targets).toEqual([
      { id: 'Target0', arn: queue.arn, kind: 'sqs', deadLetterArn: dlq.arn, retryPolicy: { maximumRetryAttempts: 3 } },
    ]);
  });

  it('lists the default bus and the named bus, and the archive on the named bus', () => {
    expect(graph.eventBuses.map((b) => b.name)).toEqual(['default', 'hookbridge']);
    expect(graph.archives).toHaveLength(1);
    expect(graph.archives[0]).toMatchObject({
      sourceArn: 'arn:aws:events:us-east-1:000000000000:event-bus/hookbridge',
      busName: 'hookbridge',
      retentionDays: 30,
      eventPattern: { source: [{ prefix: 'webhooks.' }] },
    });
  });

  it('reads the event source mapping fields', () => {
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    expect(graph.eventSourceMappings).toHaveLength(1);
    expect(graph.eventSourceMappings[0]).toMatchObject({
      functionLogicalId: fn('Consumer').logicalId,
      functionName: fn('Consumer').name,
      queueArn: queue.arn,
      queueLogicalId: queue.logicalId,
      batchSize: 5,
      maximumBatchingWindowSeconds: 2,
      maximumConcurrency: 3,
      reportBatchItemFailures: true,
      enabled: true,
    });
    expect(graph.eventSourceMappings[0]!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads function settings: handler, runtime, timeout, memory, reserved concurrency, role', () => {
    const verifier = fn('Verifier');
    expect(verifier.handler).toMatchObject({ raw: 'index.handler', module: 'index', exportName: 'handler' });
    expect(verifier.runtime).toBe('nodejs22.x');
    expect(verifier.timeoutSeconds).toBe(10);
    expect(verifier.memoryMb).toBe(512);
    expect(fn('Consumer').reservedConcurrency).toBe(5);
    expect(fn('Consumer').timeoutSeconds).toBe(3);
    const role = graph.roles.find((r) => r.logicalId === verifier.roleLogicalId)!;
    expect(verifier.roleArn).toBe(role.arn);
    expect(verifier.customResourceProvider).toBe(false);
  });

  it('resolves the HTTP API endpoint and URL to the local webhook base URL', () => {
    const env = fn('Verifier').environment;
    expect(env.HOOKBRIDGE_PUBLIC_URL).toBe('http://127.0.0.1:3000/webhooks/twilio');
    expect(env.API_URL).toBe('http://127.0.0.1:3000/');
  });

  it('resolves bus, secret and bucket references in the environment', () => {
    const env = fn('Verifier').environment;
    expect(env.HOOKBRIDGE_EVENT_BUS_NAME).toBe('hookbridge');
    expect(env.HOOKBRIDGE_SECRET_ID).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:hookbridge\/github-[A-Za-z0-9]{6}$/);
    expect(env.HOOKBRIDGE_SECRET_ID).toBe(graph.secrets[0]!.arn);
    expect(env.HOOKBRIDGE_CLAIM_CHECK_BUCKET).toBe(graph.buckets[0]!.name);
    expect(graph.buckets[0]!.name).toMatch(/^templatetest-claimcheck[0-9a-f]{8}-[a-z0-9]{13}$/);
  });

  it('routes ANY /webhooks/github to the verifier through a Lambda proxy integration', () => {
    expect(graph.httpApis).toHaveLength(1);
    const [api] = graph.httpApis;
    expect(api!.endpoint).toBe('http://127.0.0.1:3000');
    expect(api!.routes).toEqual([
      expect.objectContaining({
        routeKey: 'ANY /webhooks/github',
        method: 'ANY',
        path: '/webhooks/github',
        functionLogicalId: fn('Verifier').logicalId,
        functionArn: fn('Verifier').arn,
        payloadFormatVersion: '2.0',
      }),
    ]);
  });

  it('reads the table key schema, TTL attribute and GSI', () => {
    expect(graph.tables).toHaveLength(1);
    const [table] = graph.tables;
    expect(fn('Consumer').environment.HOOKBRIDGE_IDEMPOTENCY_TABLE).toBe(table!.name);
    expect(table).toMatchObject({
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      ttlAttribute: 'expiration',
      billingMode: 'PAY_PER_REQUEST',
      globalSecondaryIndexes: [{ indexName: 'bySource', keySchema: [{ attributeName: 'source', keyType: 'HASH' }], projection: { ProjectionType: 'ALL' } }],
    });
  });

  it('reads the secret with its generation spec', () => {
    expect(graph.secrets).toEqual([
      expect.objectContaining({ name: 'hookbridge/github', generateSecretString: {} }),
    ]);
  });

  it('resolves IAM policy resources to ARNs on the role they attach to', () => {
    const consumer = fn('Consumer');
    const role = graph.roles.find((r) => r.logicalId === consumer.roleLogicalId)!;
    const table = graph.tables[0]!;
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    const statements = role.policies.flatMap((p) => p.document.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Resource: queue.arn, Action: expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']) }));
    expect(statements).toContainEqual(expect.objectContaining({ Resource: expect.arrayContaining([table.arn]), Action: expect.arrayContaining(['dynamodb:PutItem']) }));
    expect(role.managedPolicies).toEqual([
      { arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', name: 'AWSLambdaBasicExecutionRole', known: true },
    ]);
    const verifierRole = graph.roles.find((r) => r.logicalId === fn('Verifier').roleLogicalId)!;
    const verifierStatements = verifierRole.policies.flatMap((p) => p.document.Statement);
    expect(verifierStatements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:000000000000:event-bus/hookbridge' }));
    expect(verifierStatements).toContainEqual(expect.objectContaining({ Resource: graph.secrets[0]!.arn }));
  });

  it('writes outputs in the cdk deploy --outputs-file format', () => {
    const queue = graph.queues.find((q) => q.logicalId.startsWith('ConsumerQueue'))!;
    expect(graph.outputs).toEqual({
      TemplateTest: { ApiUrl: 'http://127.0.0.1:3000/', QueueUrl: queue.url, BusName: 'hookbridge' },
    });
  });

  it('flags the auto-delete custom resource provider and lists types with no local behaviour once', () => {
    const provider = graph.functions.find((f) => f.customResourceProvider)!;
    expect(provider.logicalId).toMatch(/^CustomS3AutoDeleteObjectsCustomResourceProviderHandler/);
    const notEmulated = new Set(graph.inventory.notEmulated.map((r) => r.type));
    expect(notEmulated).toEqual(
      new Set(['Custom::S3AutoDeleteObjects', 'AWS::S3::BucketPolicy', 'AWS::Lambda::Permission', 'AWS::ApiGatewayV2::Stage']),
    );
    expect(new Set(graph.inventory.read.map((r) => r.type))).toEqual(new Set(['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::SQS::QueuePolicy']));
    const listed = [...graph.inventory.emulated, ...graph.inventory.read, ...graph.inventory.notEmulated].map((r) => r.logicalId);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('gives the same names on a second run (restarts with STATE_DIR find the same queues)', () => {
    const again = loadCloudAssembly(app.outdir);
    const second = buildGraph(resolveTemplate(again.template, localContext(again.stackName)), again);
    expect(second.queues.map((q) => q.url)).toEqual(graph.queues.map((q) => q.url));
    expect(second.functions.map((f) => f.name)).toEqual(graph.functions.map((f) => f.name));
  });
});
