/**
 * Types of the template interpreter: the CloudFormation template as synthesized, the context that
 * local names are made from, the resolved template, and the graph of resources the runtime runs.
 */

/** A CloudFormation resource as it appears in a template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly Metadata?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** A template parameter. */
export interface CfnParameter {
  readonly Type: string;
  readonly Default?: unknown;
  readonly Description?: string;
}

/** A template output. */
export interface CfnOutput {
  readonly Value: unknown;
  readonly Description?: string;
  readonly Condition?: string;
  readonly Export?: { readonly Name: unknown };
}

/** A synthesized CloudFormation template (JSON form). */
export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Description?: string;
  readonly Transform?: unknown;
  readonly Parameters?: Record<string, CfnParameter>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, CfnOutput>;
  readonly Rules?: Record<string, unknown>;
}

/** A file asset of the stack, from its `*.assets.json` manifest. */
export interface FileAsset {
  /** The asset hash (the key in the asset manifest). */
  readonly hash: string;
  /** Absolute path of the staged asset: a directory for bundled Lambda code. */
  readonly path: string;
  readonly packaging: 'zip' | 'file';
  /** The S3 object keys the asset is published to (what `Code.S3Key` carries), e.g. `<hash>.zip`. */
  readonly objectKeys: readonly string[];
}

/** One stack of a cloud assembly, read from `cdk.out`. */
export interface LoadedStack {
  /** Absolute path of the (possibly nested) assembly directory holding the stack. */
  readonly directory: string;
  readonly artifactId: string;
  readonly stackName: string;
  readonly templatePath: string;
  readonly template: CfnTemplate;
  readonly assets: readonly FileAsset[];
}

/** What local names, URLs and ARNs are made from. */
export interface ResolveContext {
  /** e.g. `us-east-1`. */
  readonly region: string;
  /** e.g. `000000000000`. */
  readonly accountId: string;
  /** The edge's base URL, e.g. `http://127.0.0.1:4566` — SQS queue URLs start with it. */
  readonly edgeUrl: string;
  /** The webhook gateway's base URL, e.g. `http://127.0.0.1:3000` — an HTTP API's endpoint. */
  readonly webhookBaseUrl: string;
  readonly stackName: string;
  /** Values for template parameters; they win over defaults. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** What `Ref` and `Fn::GetAtt` return for one resource. */
export interface ResourceIdentity {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The physical name when the type has one (queue name, function name, bucket name, …). */
  readonly name?: string;
  /** The ARN when the type has one. */
  readonly arn?: string;
}

/** A resource whose properties have been resolved. */
export interface ResolvedResource {
  readonly logicalId: string;
  readonly type: string;
  /** Properties with every intrinsic replaced by its local value (`AWS::NoValue` removed). */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly identity: ResourceIdentity;
}

/** A resolved output. */
export interface ResolvedOutput {
  readonly value: string;
  readonly description?: string;
  readonly exportName?: string;
}

/** A template whose conditions, parameters and intrinsics have been resolved for local use. */
export interface ResolvedTemplate {
  readonly stackName: string;
  readonly context: ResolveContext;
  /** Resources whose `Condition` holds, by logical id. */
  readonly resources: Readonly<Record<string, ResolvedResource>>;
  readonly outputs: Readonly<Record<string, ResolvedOutput>>;
  readonly conditions: Readonly<Record<string, boolean>>;
  readonly parameters: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Resources with no local behaviour whose properties could not be resolved (kept unresolved), and
   * outputs that could not be resolved (left out), one line each.
   */
  readonly warnings: readonly string[];
}

/** How the local runtime treats a resource type. */
export type ResourceSupport =
  /** The runtime emulates it (queues, functions, rules, …). */
  | 'emulated'
  /** Read for its content but not created (IAM roles and policies, queue policies). */
  | 'read'
  /** No local behaviour and none needed (log groups, alarms, Lambda permissions, …). */
  | 'not-emulated';

/** A resource named in the inventory. */
export interface ResourceRef {
  readonly logicalId: string;
  readonly type: string;
}

/** A Lambda handler string split into module and export. */
export interface HandlerSpec {
  /** As in the template, e.g. `index.handler`. */
  readonly raw: string;
  /** Module path relative to the asset directory, without extension, e.g. `index`. */
  readonly module: string;
  /** The export, e.g. `handler` (may be a dotted path into the module). */
  readonly exportName: string;
  /** Absolute path of the module file when the asset directory holds it (`.js`, `.mjs` or `.cjs`). */
  readonly file?: string;
}

/** A Lambda function. */
export interface FunctionNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly handler: HandlerSpec;
  readonly runtime: string;
  readonly architecture: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly roleArn?: string;
  readonly roleLogicalId?: string;
  /** Absolute path of the code directory (the staged asset); unset for inline code. */
  readonly assetDir?: string;
  /** `Code.ZipFile` source, for inline functions. */
  readonly inlineCode?: string;
  readonly reservedConcurrency?: number;
  /**
   * True for functions that only serve CloudFormation custom resources (e.g. CDK's
   * `Custom::S3AutoDeleteObjects` provider): they run at deploy time, never locally.
   */
  readonly customResourceProvider: boolean;
}

/** An SQS redrive policy. */
export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** An SQS queue. */
export interface QueueNode {
  readonly logicalId: string;
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly delaySeconds: number;
  readonly receiveWaitTimeSeconds: number;
  readonly maximumMessageSizeBytes: number;
  readonly redrivePolicy?: RedrivePolicy;
  /** The DLQ's logical id when the redrive target is a queue of this stack. */
  readonly deadLetterQueueLogicalId?: string;
  readonly encryption: 'sqs-managed' | 'kms' | 'none';
}

/** An IAM policy document (resolved). */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: readonly PolicyStatement[];
}

/** One IAM statement (resolved). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Principal?: unknown;
  readonly Condition?: Readonly<Record<string, unknown>>;
}

/** An `AWS::SQS::QueuePolicy` (read, not enforced). */
export interface QueuePolicyNode {
  readonly logicalId: string;
  readonly queueUrls: readonly string[];
  readonly document: PolicyDocument;
}

/** An EventBridge event bus. */
export interface EventBusNode {
  /** Unset for the `default` bus, which exists without a resource. */
  readonly logicalId?: string;
  readonly name: string;
  readonly arn: string;
}

/** What an EventBridge target delivers to. */
export type TargetKind = 'sqs' | 'lambda' | 'event-bus' | 'logs';

/** One target of a rule. */
export interface RuleTargetNode {
  readonly id: string;
  readonly arn: string;
  readonly kind: TargetKind;
  readonly roleArn?: string;
  readonly input?: string;
  readonly inputPath?: string;
  readonly inputTransformer?: { readonly inputPathsMap?: Readonly<Record<string, string>>; readonly inputTemplate: string };
  readonly deadLetterArn?: string;
  readonly retryPolicy?: { readonly maximumRetryAttempts?: number; readonly maximumEventAgeInSeconds?: number };
  readonly messageGroupId?: string;
}

/** An EventBridge rule. */
export interface RuleNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly busName: string;
  readonly eventPattern?: Readonly<Record<string, unknown>>;
  readonly scheduleExpression?: string;
  readonly state: string;
  readonly targets: readonly RuleTargetNode[];
}

/** An EventBridge archive. */
export interface ArchiveNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly sourceArn: string;
  readonly busName: string;
  readonly eventPattern?: Readonly<Record<string, unknown>>;
  /** 0 keeps events indefinitely. */
  readonly retentionDays: number;
}

/** An SQS event source mapping. */
export interface EventSourceMappingNode {
  readonly logicalId: string;
  readonly uuid: string;
  readonly functionLogicalId: string;
  readonly functionName: string;
  readonly queueArn: string;
  readonly queueLogicalId?: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly maximumConcurrency?: number;
  readonly reportBatchItemFailures: boolean;
  readonly enabled: boolean;
  /** `FilterCriteria.Filters[].Pattern`, parsed. */
  readonly filterPatterns: readonly Readonly<Record<string, unknown>>[];
}

/** A DynamoDB key schema element. */
export interface KeyElement {
  readonly attributeName: string;
  readonly keyType: 'HASH' | 'RANGE';
}

/** A DynamoDB table (`AWS::DynamoDB::Table` or `AWS::DynamoDB::GlobalTable`). */
export interface TableNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly keySchema: readonly KeyElement[];
  readonly attributeDefinitions: readonly { readonly attributeName: string; readonly attributeType: string }[];
  readonly billingMode: string;
  readonly ttlAttribute?: string;
  readonly streamViewType?: string;
  readonly globalSecondaryIndexes: readonly {
    readonly indexName: string;
    readonly keySchema: readonly KeyElement[];
    readonly projection: Readonly<Record<string, unknown>>;
  }[];
  readonly localSecondaryIndexes: readonly {
    readonly indexName: string;
    readonly keySchema: readonly KeyElement[];
    readonly projection: Readonly<Record<string, unknown>>;
  }[];
}

/** A Secrets Manager secret. */
export interface SecretNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly secretString?: string;
  /** `GenerateSecretString` as in the template (PascalCase keys): the value is generated at start. */
  readonly generateSecretString?: Readonly<Record<string, unknown>>;
}

/** An S3 bucket. */
export interface BucketNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly versioned: boolean;
  readonly lifecycleRules: readonly Readonly<Record<string, unknown>>[];
}

/** A route of an HTTP API, bound to a Lambda proxy integration. */
export interface HttpRouteNode {
  readonly logicalId: string;
  /** e.g. `ANY /webhooks/github`, `POST /x`, `$default`. */
  readonly routeKey: string;
  /** `ANY`, `POST`, …; unset for `$default`. */
  readonly method?: string;
  /** e.g. `/webhooks/github`, `/{proxy+}`; unset for `$default`. */
  readonly path?: string;
  readonly integrationLogicalId: string;
  readonly functionArn: string;
  readonly functionLogicalId: string;
  readonly payloadFormatVersion: string;
  readonly timeoutMs: number;
}

/** An API Gateway HTTP API. */
export interface HttpApiNode {
  readonly logicalId: string;
  readonly apiId: string;
  readonly name: string;
  /** The local endpoint (the webhook gateway base URL). */
  readonly endpoint: string;
  readonly routes: readonly HttpRouteNode[];
}

/** A managed policy attached to a role. */
export interface ManagedPolicyRef {
  readonly arn: string;
  readonly name: string;
  /** True when the runtime knows what the policy grants (its statements are in the role's policies). */
  readonly known: boolean;
}

/** A policy attached to a role, with where it came from. */
export interface AttachedPolicy {
  readonly name: string;
  /** `inline` (the role's `Policies`), or the logical id of an `AWS::IAM::Policy`/`ManagedPolicy`, or an AWS managed policy name. */
  readonly source: string;
  readonly document: PolicyDocument;
}

/** An IAM role and every policy attached to it in the template. */
export interface RoleNode {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly assumeRolePolicy?: PolicyDocument;
  readonly managedPolicies: readonly ManagedPolicyRef[];
  readonly policies: readonly AttachedPolicy[];
}

/** Outputs in `cdk deploy --outputs-file` form: `{ "<StackName>": { "<OutputKey>": "<value>" } }`. */
export type OutputsFile = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Everything the local runtime needs to know about the stack. */
export interface ResourceGraph {
  readonly stackName: string;
  readonly functions: readonly FunctionNode[];
  readonly queues: readonly QueueNode[];
  readonly queuePolicies: readonly QueuePolicyNode[];
  readonly eventBuses: readonly EventBusNode[];
  readonly rules: readonly RuleNode[];
  readonly archives: readonly ArchiveNode[];
  readonly eventSourceMappings: readonly EventSourceMappingNode[];
  readonly tables: readonly TableNode[];
  readonly secrets: readonly SecretNode[];
  readonly buckets: readonly BucketNode[];
  readonly httpApis: readonly HttpApiNode[];
  readonly roles: readonly RoleNode[];
  readonly outputs: OutputsFile;
  /** Resources read but not created, and resources with no local behaviour: listed once at start. */
  readonly inventory: {
    readonly emulated: readonly ResourceRef[];
    readonly read: readonly ResourceRef[];
    readonly notEmulated: readonly ResourceRef[];
  };
  readonly warnings: readonly string[];
}
