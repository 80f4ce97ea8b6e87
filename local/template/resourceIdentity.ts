import { buildArn, nameFromArn, urlSuffixOf } from './arns.js';
import { DEFAULTS } from './constants.js';
import {
  deterministicId,
  deterministicLowerId,
  deterministicMixedId,
  deterministicUuid,
  generatePhysicalName,
} from './physicalNames.js';
import type { ResolveContext, ResourceIdentity } from './types.js';

/** What {@link computeResourceIdentity} needs to know about one resource. */
export interface IdentityInput {
  readonly logicalId: string;
  readonly type: string;
  readonly ctx: ResolveContext;
  /** Resolves one top-level property of the resource; `undefined` when absent. */
  readonly property: (name: string) => unknown;
}

/** The explicit name property of each named type: when set, it is the physical name. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::Events::Archive': 'ArchiveName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::SSM::Parameter': 'Name',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
};

function physicalName(input: IdentityInput, suffix = ''): string {
  const property = NAME_PROPERTY[input.type];
  const explicit = property === undefined ? undefined : input.property(property);
  if (typeof explicit === 'string' && explicit !== '') return explicit;
  return generatePhysicalName(input.ctx.stackName, input.logicalId, input.type, suffix);
}

function seed(input: IdentityInput): string {
  return `${input.ctx.stackName}/${input.logicalId}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

type IdentityFactory = (input: IdentityInput) => ResourceIdentity;

const FACTORIES: Readonly<Record<string, IdentityFactory>> = {
  // Ref → queue URL; GetAtt Arn, QueueName, QueueUrl.
  // @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html#aws-resource-sqs-queue-return-values
  'AWS::SQS::Queue': (input) => {
    const { ctx } = input;
    const name = physicalName(input, input.property('FifoQueue') === true || input.property('FifoQueue') === 'true' ? '.fifo' : '');
    const url = `${trimSlash(ctx.edgeUrl)}/${ctx.accountId}/${name}`;
    const arn = buildArn(ctx.region, 'sqs', ctx.region, ctx.accountId, name);
    return { ref: url, name, arn, attributes: { Arn: arn, QueueName: name, QueueUrl: url } };
  },
  // Ref → function name; GetAtt Arn.
  'AWS::Lambda::Function': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'lambda', ctx.region, ctx.accountId, `function:${name}`);
    return { ref: name, name, arn, attributes: { Arn: arn } };
  },
  // Ref → the version ARN; GetAtt FunctionArn, Version.
  'AWS::Lambda::Version': (input) => {
    const fn = String(input.property('FunctionName') ?? '');
    const fnArn = fn.startsWith('arn:') ? fn : buildArn(input.ctx.region, 'lambda', input.ctx.region, input.ctx.accountId, `function:${fn}`);
    return { ref: `${fnArn}:1`, arn: `${fnArn}:1`, attributes: { FunctionArn: `${fnArn}:1`, Version: '1' } };
  },
  // Ref → mapping UUID; GetAtt Id, EventSourceMappingArn.
  'AWS::Lambda::EventSourceMapping': (input) => {
    const uuid = deterministicUuid(seed(input));
    const arn = buildArn(input.ctx.region, 'lambda', input.ctx.region, input.ctx.accountId, `event-source-mapping:${uuid}`);
    return { ref: uuid, arn, attributes: { Id: uuid, EventSourceMappingArn: arn } };
  },
  // Ref → bus name; GetAtt Arn, Name.
  'AWS::Events::EventBus': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'events', ctx.region, ctx.accountId, `event-bus/${name}`);
    return { ref: name, name, arn, attributes: { Arn: arn, Name: name } };
  },
  // Ref → rule name (`<bus>|<rule>` on a custom bus); GetAtt Arn (`rule/<bus>/<rule>` on a custom bus).
  'AWS::Events::Rule': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const busProperty = input.property('EventBusName');
    const bus = typeof busProperty === 'string' && busProperty !== '' ? nameFromArn(busProperty, ':event-bus/') : DEFAULTS.defaultEventBusName;
    const onDefault = bus === DEFAULTS.defaultEventBusName;
    const arn = buildArn(ctx.region, 'events', ctx.region, ctx.accountId, onDefault ? `rule/${name}` : `rule/${bus}/${name}`);
    return { ref: onDefault ? name : `${bus}|${name}`, name, arn, attributes: { Arn: arn } };
  },
  // Ref → archive name; GetAtt Arn, ArchiveName.
  'AWS::Events::Archive': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'events', ctx.region, ctx.accountId, `archive/${name}`);
    return { ref: name, name, arn, attributes: { Arn: arn, ArchiveName: name } };
  },
  'AWS::DynamoDB::Table': (input) => tableIdentity(input),
  'AWS::DynamoDB::GlobalTable': (input) => tableIdentity(input),
  // Ref → the secret ARN (with Secrets Manager's 6-character suffix); GetAtt Id.
  'AWS::SecretsManager::Secret': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'secretsmanager', ctx.region, ctx.accountId, `secret:${name}-${deterministicMixedId(seed(input), 6)}`);
    return { ref: arn, name, arn, attributes: { Id: arn } };
  },
  // Ref → bucket name; GetAtt Arn, DomainName, RegionalDomainName, DualStackDomainName, WebsiteURL.
  'AWS::S3::Bucket': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const suffix = urlSuffixOf(ctx.region);
    const arn = buildArn(ctx.region, 's3', '', '', name);
    return {
      ref: name,
      name,
      arn,
      attributes: {
        Arn: arn,
        DomainName: `${name}.s3.${suffix}`,
        RegionalDomainName: `${name}.s3.${ctx.region}.${suffix}`,
        DualStackDomainName: `${name}.s3.dualstack.${ctx.region}.${suffix}`,
        WebsiteURL: `http://${name}.s3-website-${ctx.region}.${suffix}`,
      },
    };
  },
  // Ref → API id; GetAtt ApiEndpoint (here: the local webhook gateway), ApiId.
  'AWS::ApiGatewayV2::Api': (input) => {
    const apiId = deterministicLowerId(seed(input), 10);
    const name = typeof input.property('Name') === 'string' ? (input.property('Name') as string) : input.logicalId;
    return { ref: apiId, name, attributes: { ApiId: apiId, ApiEndpoint: trimSlash(input.ctx.webhookBaseUrl) } };
  },
  'AWS::ApiGatewayV2::Route': (input) => {
    const id = deterministicLowerId(seed(input), 7);
    return { ref: id, attributes: { RouteId: id } };
  },
  'AWS::ApiGatewayV2::Integration': (input) => {
    const id = deterministicLowerId(seed(input), 7);
    return { ref: id, attributes: { IntegrationId: id } };
  },
  'AWS::ApiGatewayV2::Stage': (input) => {
    const stage = input.property('StageName');
    return { ref: typeof stage === 'string' ? stage : '$default', attributes: {} };
  },
  // Ref → role name; GetAtt Arn, RoleId.
  'AWS::IAM::Role': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const path = typeof input.property('Path') === 'string' ? (input.property('Path') as string) : '/';
    const arn = buildArn(ctx.region, 'iam', '', ctx.accountId, `role${path}${name}`);
    return { ref: name, name, arn, attributes: { Arn: arn, RoleId: `AROA${deterministicId(seed(input), 17)}` } };
  },
  'AWS::IAM::Policy': (input) => {
    const id = deterministicId(seed(input), 12);
    return { ref: id, attributes: { Id: id } };
  },
  // Ref → policy ARN; GetAtt PolicyArn, PolicyId.
  'AWS::IAM::ManagedPolicy': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const path = typeof input.property('Path') === 'string' ? (input.property('Path') as string) : '/';
    const arn = buildArn(ctx.region, 'iam', '', ctx.accountId, `policy${path}${name}`);
    return { ref: arn, name, arn, attributes: { PolicyArn: arn, PolicyId: `ANPA${deterministicId(seed(input), 17)}` } };
  },
  // Ref → log group name; GetAtt Arn (with the trailing `:*`).
  'AWS::Logs::LogGroup': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'logs', ctx.region, ctx.accountId, `log-group:${name}:*`);
    return { ref: name, name, arn, attributes: { Arn: arn } };
  },
  // Ref → topic ARN; GetAtt TopicArn, TopicName.
  'AWS::SNS::Topic': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'sns', ctx.region, ctx.accountId, name);
    return { ref: arn, name, arn, attributes: { TopicArn: arn, TopicName: name } };
  },
  // Ref → key id; GetAtt Arn, KeyId.
  'AWS::KMS::Key': (input) => {
    const { ctx } = input;
    const keyId = deterministicUuid(seed(input));
    const arn = buildArn(ctx.region, 'kms', ctx.region, ctx.accountId, `key/${keyId}`);
    return { ref: keyId, arn, attributes: { Arn: arn, KeyId: keyId } };
  },
  'AWS::KMS::Alias': (input) => {
    const alias = input.property('AliasName');
    return { ref: typeof alias === 'string' ? alias : `alias/${input.logicalId}`, attributes: {} };
  },
  // Ref → alarm name; GetAtt Arn.
  'AWS::CloudWatch::Alarm': (input) => {
    const { ctx } = input;
    const name = physicalName(input);
    const arn = buildArn(ctx.region, 'cloudwatch', ctx.region, ctx.accountId, `alarm:${name}`);
    return { ref: name, name, arn, attributes: { Arn: arn } };
  },
};

function tableIdentity(input: IdentityInput): ResourceIdentity {
  const { ctx } = input;
  const name = physicalName(input);
  const arn = buildArn(ctx.region, 'dynamodb', ctx.region, ctx.accountId, `table/${name}`);
  const attributes: Record<string, unknown> = { Arn: arn, TableId: deterministicUuid(seed(input)) };
  if (input.property('StreamSpecification') !== undefined) {
    attributes.StreamArn = `${arn}/stream/1970-01-01T00:00:00.000`;
  }
  return { ref: name, name, arn, attributes };
}

/**
 * What `Ref` and `Fn::GetAtt` return for a resource, following the "Return values" section of each
 * type's CloudFormation reference, with local names, URLs and ARNs. Types with no entry get a
 * generated physical id as `Ref` and no attributes.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html
 */
export function computeResourceIdentity(input: IdentityInput): ResourceIdentity {
  const factory = FACTORIES[input.type];
  if (factory !== undefined) return factory(input);
  // Other types: a generated physical id, and an AWS-shaped ARN so that policies naming the resource
  // still resolve (the type itself is then reported as unsupported or not emulated, not this reference).
  const ref = generatePhysicalName(input.ctx.stackName, input.logicalId, input.type);
  const [, service = 'unknown', kind = 'resource'] = input.type.split('::');
  const arn = buildArn(input.ctx.region, service.toLowerCase(), input.ctx.region, input.ctx.accountId, `${kind.toLowerCase()}/${ref}`);
  return { ref, arn, attributes: input.type.startsWith('Custom::') ? {} : { Arn: arn } };
}
