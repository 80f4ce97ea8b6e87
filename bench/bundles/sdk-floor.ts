import { BenchError } from '../errors.js';
import type { AwsTarget } from './aws-stub.js';

/** Client class of each SDK client package a hookbridge function may bundle. */
const CLIENT_CLASSES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/client-eventbridge': 'EventBridgeClient',
  '@aws-sdk/client-s3': 'S3Client',
  '@aws-sdk/client-secrets-manager': 'SecretsManagerClient',
  '@aws-sdk/client-sqs': 'SQSClient',
};

/** How the floor makes each call a function's first invocation was seen making. */
const OPERATIONS: Readonly<Record<AwsTarget, { readonly pkg: string; readonly command: string; readonly input: unknown }>> = {
  'secretsmanager.GetSecretValue': {
    pkg: '@aws-sdk/client-secrets-manager',
    command: 'GetSecretValueCommand',
    input: { SecretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-AbCdEf' },
  },
  'AWSEvents.PutEvents': {
    pkg: '@aws-sdk/client-eventbridge',
    command: 'PutEventsCommand',
    input: { Entries: [{ EventBusName: 'hookbridge-bench', Source: 'webhooks.github', DetailType: 'push', Detail: '{"id":"1"}' }] },
  },
  'DynamoDB_20120810.PutItem': {
    pkg: '@aws-sdk/client-dynamodb',
    command: 'PutItemCommand',
    input: { TableName: 'hookbridge-bench', Item: { id: { S: 'bench' } }, ConditionExpression: 'attribute_not_exists(id)' },
  },
  'DynamoDB_20120810.UpdateItem': {
    pkg: '@aws-sdk/client-dynamodb',
    command: 'UpdateItemCommand',
    input: {
      TableName: 'hookbridge-bench',
      Key: { id: { S: 'bench' } },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'COMPLETED' } },
    },
  },
  'DynamoDB_20120810.GetItem': { pkg: '@aws-sdk/client-dynamodb', command: 'GetItemCommand', input: { TableName: 'hookbridge-bench', Key: { id: { S: 'bench' } } } },
  'DynamoDB_20120810.DeleteItem': { pkg: '@aws-sdk/client-dynamodb', command: 'DeleteItemCommand', input: { TableName: 'hookbridge-bench', Key: { id: { S: 'bench' } } } },
  'AmazonSQS.ChangeMessageVisibility': {
    pkg: '@aws-sdk/client-sqs',
    command: 'ChangeMessageVisibilityCommand',
    input: { QueueUrl: 'http://127.0.0.1/123456789012/bench', ReceiptHandle: 'bench', VisibilityTimeout: 1 },
  },
};

/**
 * The SDK client packages `calls` go through, in `clients`' order: what a function's first
 * invocation needs of the clients it bundles.
 *
 * @throws BenchError for a call no floor is known for
 */
export function calledClients(clients: readonly string[], calls: readonly AwsTarget[]): string[] {
  const used = new Set<string>();
  for (const call of calls) {
    const operation = OPERATIONS[call];
    if (!operation) throw new BenchError(`no SDK floor call is known for ${call}; add it to bench/bundles/sdk-floor.ts`);
    used.add(operation.pkg);
  }
  return clients.filter((pkg) => used.has(pkg));
}

/** The hello-world handler every bundle is compared with. */
export const HELLO_WORLD_SOURCE = `export const handler = async () => ({ statusCode: 200, body: 'hello world' });\n`;

/**
 * Source of the SDK's own floor for one function: the same SDK client packages, each client
 * constructed, and the same AWS calls in the same order, with nothing of hookbridge around them.
 * Named imports only, so esbuild tree-shakes it exactly as it does the function.
 */
export function sdkFloorSource(clients: readonly string[], calls: readonly AwsTarget[]): string {
  const imports = new Map<string, Set<string>>();
  const use = (pkg: string, name: string): void => {
    if (!imports.has(pkg)) imports.set(pkg, new Set());
    imports.get(pkg)!.add(name);
  };
  for (const pkg of clients) {
    const client = CLIENT_CLASSES[pkg];
    if (!client) throw new BenchError(`no SDK floor is known for ${pkg}; add it to bench/bundles/sdk-floor.ts`);
    use(pkg, client);
  }
  const lines: string[] = [];
  for (const call of calls) {
    const operation = OPERATIONS[call];
    if (!operation) throw new BenchError(`no SDK floor call is known for ${call}; add it to bench/bundles/sdk-floor.ts`);
    if (!clients.includes(operation.pkg)) throw new BenchError(`${call} was called but ${operation.pkg} is not in the bundle`);
    use(operation.pkg, operation.command);
    lines.push(`  await clients[${JSON.stringify(operation.pkg)}].send(new ${operation.command}(${JSON.stringify(operation.input)}));`);
  }
  const head = [...imports].map(([pkg, names]) => `import { ${[...names].sort().join(', ')} } from ${JSON.stringify(pkg)};`);
  const construct = clients.map((pkg) => `  ${JSON.stringify(pkg)}: new ${CLIENT_CLASSES[pkg]}({}),`);
  return [
    ...head,
    'let clients: any;',
    'export const handler = async () => {',
    '  clients ??= {',
    ...construct,
    '  };',
    ...lines,
    '  return { statusCode: 200, body: "sdk floor" };',
    '};',
    '',
  ].join('\n');
}
