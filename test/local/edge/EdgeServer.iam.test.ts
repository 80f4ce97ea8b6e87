import { CreateTableCommand, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../local/iam/index.js';
import { clientConfig, functionCredentials } from '../../helpers/edge/credentials.js';
import { type LocalEdge, startLocalEdge } from '../../helpers/edge/startLocalEdge.js';
import { stubJsonService } from '../../helpers/edge/stubJsonService.js';

const ACCOUNT = '000000000000';
const TABLE = 'idempotency';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${TABLE}`;
const BUCKET = 'claim-check';
const KEY = 'LOCALCONSUMER0001';
const PRINCIPAL = `arn:aws:sts::${ACCOUNT}:assumed-role/consumer-role/crm-sync`;

describe('EdgeServer IAM enforcement with the real AWS SDK v3 clients', () => {
  let local: LocalEdge;
  let githubArn: string;
  let stripeArn: string;

  /** Gives the consumer function the given policies. */
  const grant = (...policies: PolicyDocument[]): void => {
    local.edge.setCaller(KEY, { functionName: 'crm-sync', roleName: 'consumer-role', policies });
  };
  const allow = (Action: string | string[], Resource: string | string[]): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action, Resource }],
  });
  const as = <T>(Client: new (config: ReturnType<typeof clientConfig>) => T): T =>
    new Client(clientConfig(local.url, functionCredentials(KEY)));

  beforeAll(async () => {
    local = await startLocalEdge();
    // GIVEN resources created by an administrator (a key the edge does not know)
    const admin = clientConfig(local.url);
    const dynamo = new DynamoDBClient(admin);
    await dynamo.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const secrets = new SecretsManagerClient(admin);
    githubArn = (await secrets.send(new CreateSecretCommand({ Name: 'hookbridge/github', SecretString: 'gh' }))).ARN as string;
    stripeArn = (await secrets.send(new CreateSecretCommand({ Name: 'hookbridge/stripe', SecretString: 'st' }))).ARN as string;
    const s3 = new S3Client({ ...admin, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'github/1.json', Body: '{"n":1}' }));
    for (const c of [dynamo, secrets, s3]) c.destroy();
  });

  afterAll(async () => {
    await local.close();
  });

  it('lets an allowed DynamoDB call through to dynalite', async () => {
    // GIVEN
    grant(allow(['dynamodb:PutItem', 'dynamodb:GetItem'], TABLE_ARN));
    const client = as(DynamoDBClient);
    // WHEN
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: 'github#1' } } }));
    const got = await client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'github#1' } } }));
    // THEN
    expect(got.Item).toEqual({ id: { S: 'github#1' } });
    client.destroy();
  });

  it('fails if the role does not allow dynamodb:PutItem, with AccessDeniedException', async () => {
    grant(allow('dynamodb:GetItem', TABLE_ARN));
    const client = as(DynamoDBClient);
    await expect(client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: 'x' } } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${PRINCIPAL} is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} because no identity-based policy allows the dynamodb:PutItem action`,
      $metadata: { httpStatusCode: 400 },
    });
    client.destroy();
  });

  it('fails if the role allows another secret only, naming the full secret ARN', async () => {
    grant(allow('secretsmanager:GetSecretValue', stripeArn));
    const client = as(SecretsManagerClient);
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'hookbridge/github' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${PRINCIPAL} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${githubArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    });
    expect((await client.send(new GetSecretValueCommand({ SecretId: stripeArn }))).SecretString).toBe('st');
    client.destroy();
  });

  it('fails if the role does not allow s3:GetObject, with a 403 AccessDenied', async () => {
    grant(allow('s3:PutObject', `arn:aws:s3:::${BUCKET}/*`));
    const client = as(S3Client);
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'github/1.json' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${PRINCIPAL} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${BUCKET}/github/1.json" because no identity-based policy allows the s3:GetObject action`,
      $metadata: { httpStatusCode: 403 },
    });
    client.destroy();
  });

  it('lets an explicit Deny beat an Allow', async () => {
    // GIVEN dynamodb:* allowed everywhere, DeleteItem denied
    grant(allow('dynamodb:*', '*'), { Statement: [{ Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: TABLE_ARN }] });
    const client = as(DynamoDBClient);
    // WHEN / THEN
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: 'kept' } } }));
    await expect(client.send(new DeleteItemCommand({ TableName: TABLE, Key: { id: { S: 'kept' } } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${PRINCIPAL} is not authorized to perform: dynamodb:DeleteItem on resource: ${TABLE_ARN} with an explicit deny in an identity-based policy`,
    });
    client.destroy();
  });

  it('honours wildcards in actions and resources as CDK grants write them', async () => {
    // GIVEN grantRead-style statements
    grant(
      allow(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:hookbridge/github-??????`),
      allow(['s3:GetObject*', 's3:GetBucket*', 's3:List*'], [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]),
    );
    const secrets = as(SecretsManagerClient);
    const s3 = as(S3Client);
    // WHEN / THEN
    expect((await secrets.send(new GetSecretValueCommand({ SecretId: 'hookbridge/github' }))).SecretString).toBe('gh');
    await expect(secrets.send(new GetSecretValueCommand({ SecretId: 'hookbridge/stripe' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'github/1.json' }))).Body?.transformToString()).toBe('{"n":1}');
    secrets.destroy();
    s3.destroy();
  });

  it('answers a missing key with 403 unless the role may s3:ListBucket, as S3 does', async () => {
    const s3 = as(S3Client);
    grant(allow('s3:GetObject', `arn:aws:s3:::${BUCKET}/*`));
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    grant(allow('s3:GetObject', `arn:aws:s3:::${BUCKET}/*`), allow('s3:ListBucket', `arn:aws:s3:::${BUCKET}`));
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    s3.destroy();
  });

  it('fails an SQS call the role does not allow with AccessDenied, as the v3 SQS client names it', async () => {
    // GIVEN a stub SQS service (SQS's awsQueryCompatible errors take their name from x-amzn-query-error)
    const stub = stubJsonService('application/x-amz-json-1.0', {});
    local.edge.register('sqs', stub.handler);
    grant(allow('sqs:ReceiveMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`));
    const client = as(SQSClient);
    // WHEN / THEN
    await expect(
      client.send(new SendMessageCommand({ QueueUrl: `${local.url}/${ACCOUNT}/orders`, MessageBody: 'x' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${PRINCIPAL} is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:orders because no identity-based policy allows the sqs:sendmessage action`,
      $metadata: { httpStatusCode: 403 },
    });
    expect(stub.seen).toHaveLength(0);
    client.destroy();
  });

  it('checks events:PutEvents against the bus of each entry', async () => {
    const stub = stubJsonService('application/x-amz-json-1.1', { PutEvents: { FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] } });
    local.edge.register('events', stub.handler);
    grant(allow('events:PutEvents', `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/hookbridge`));
    const client = as(EventBridgeClient);
    const entry = { Source: 'webhooks.github', DetailType: 'push', Detail: '{}' };
    await expect(client.send(new PutEventsCommand({ Entries: [{ ...entry, EventBusName: 'hookbridge' }] }))).resolves.toMatchObject({
      FailedEntryCount: 0,
    });
    await expect(client.send(new PutEventsCommand({ Entries: [entry] }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${PRINCIPAL} is not authorized to perform: events:PutEvents on resource: arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default because no identity-based policy allows the events:PutEvents action`,
    });
    expect(stub.seen).toHaveLength(1);
    client.destroy();
  });

  it('treats a key it does not know as an administrator', async () => {
    grant();
    const client = new DynamoDBClient(clientConfig(local.url, functionCredentials('SOMEONEELSE')));
    await expect(client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'github#1' } } }))).resolves.toBeDefined();
    client.destroy();
  });
});
