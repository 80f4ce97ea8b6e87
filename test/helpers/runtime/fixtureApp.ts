import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CfnOutput } from 'aws-cdk-lib';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '../../..');

/** The synthesized fixture app; `dispose()` removes its directory. */
export interface FixtureAssembly {
  readonly cdkOut: string;
  readonly stackName: string;
  dispose(): void;
}

const fn = (stack: Stack, id: string, file: string, environment: Record<string, string>): nodejs.NodejsFunction =>
  new nodejs.NodejsFunction(stack, id, {
    entry: join(here, 'handlers', file),
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_22_X,
    timeout: Duration.seconds(10),
    environment,
  });

/**
 * Synthesizes a small app (real esbuild bundling): `POST /publish` → Publisher (PutEvents on a custom
 * bus) → rule → queue (with a DLQ) → Consumer (PutItem into a table); `GET /forbidden` → Forbidden,
 * which scans the table without a grant.
 */
export function synthFixtureApp(stackName = 'RuntimeFixture'): FixtureAssembly {
  const cdkOut = mkdtempSync(join(tmpdir(), 'hookbridge-runtime-'));
  const app = new App({ outdir: cdkOut });
  const stack = new Stack(app, stackName);
  const bus = new events.EventBus(stack, 'Bus');
  const archive = bus.archive('Archive', { eventPattern: { account: [stack.account] } });
  const dlq = new sqs.Queue(stack, 'ConsumerDlq');
  const queue = new sqs.Queue(stack, 'ConsumerQueue', { visibilityTimeout: Duration.seconds(10), deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
  new events.Rule(stack, 'OrdersRule', { eventBus: bus, eventPattern: { source: ['fixture.orders'] }, targets: [new targets.SqsQueue(queue)] });
  const table = new dynamodb.Table(stack, 'Items', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'expiration',
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const publisher = fn(stack, 'Publisher', 'publisher.ts', { BUS_NAME: bus.eventBusName });
  bus.grantPutEventsTo(publisher);
  const consumer = fn(stack, 'Consumer', 'consumer.ts', { TABLE_NAME: table.tableName, HOOKBRIDGE_CONSUMER: 'fixture-consumer' });
  table.grantWriteData(consumer);
  consumer.addEventSource(new SqsEventSource(queue, { batchSize: 5, reportBatchItemFailures: true }));
  const forbidden = fn(stack, 'Forbidden', 'forbidden.ts', { TABLE_NAME: table.tableName });
  const api = new apigwv2.HttpApi(stack, 'Api');
  api.addRoutes({ path: '/publish', methods: [apigwv2.HttpMethod.POST], integration: new HttpLambdaIntegration('PublishIntegration', publisher) });
  api.addRoutes({ path: '/forbidden', methods: [apigwv2.HttpMethod.GET], integration: new HttpLambdaIntegration('ForbiddenIntegration', forbidden) });
  new CfnOutput(stack, 'ApiUrl', { value: api.apiEndpoint });
  new CfnOutput(stack, 'TableName', { value: table.tableName });
  new CfnOutput(stack, 'QueueUrl', { value: queue.queueUrl });
  new CfnOutput(stack, 'ArchiveName', { value: archive.archiveName });
  app.synth();
  return { cdkOut, stackName, dispose: () => rmSync(cdkOut, { recursive: true, force: true }) };
}
