/**
 * Constants of the template interpreter: local identity, CloudFormation defaults and limits.
 */

/** The account id every local ARN carries. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** The region used when `AWS_REGION` is unset. */
export const LOCAL_REGION = 'us-east-1';

/**
 * The value given to CDK's `BootstrapVersion` parameter (an SSM parameter type that CloudFormation
 * would read from `/cdk-bootstrap/<qualifier>/version`). Nothing local reads it; it only has to
 * satisfy the template's `CheckBootstrapVersion` rule (not in 1..5).
 */
export const LOCAL_BOOTSTRAP_VERSION = '30';

/** Length of the deterministic suffix in generated physical names (CloudFormation uses 12–13). */
export const PHYSICAL_NAME_HASH_LENGTH = 13;

/**
 * Maximum length of a generated physical name, per resource type.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html (80)
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (64)
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html (64)
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateArchive.html (48)
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (63)
 */
export const NAME_LIMITS: Readonly<Record<string, number>> = {
  'AWS::SQS::Queue': 80,
  'AWS::Lambda::Function': 64,
  'AWS::Events::EventBus': 256,
  'AWS::Events::Rule': 64,
  'AWS::Events::Archive': 48,
  'AWS::DynamoDB::Table': 255,
  'AWS::DynamoDB::GlobalTable': 255,
  'AWS::SecretsManager::Secret': 512,
  'AWS::S3::Bucket': 63,
  'AWS::IAM::Role': 64,
  'AWS::IAM::ManagedPolicy': 128,
  'AWS::SNS::Topic': 256,
  'AWS::Logs::LogGroup': 512,
  'AWS::CloudWatch::Alarm': 255,
};

/** Generated names are cut to this length when the type has no entry in {@link NAME_LIMITS}. */
export const DEFAULT_NAME_LIMIT = 128;

/**
 * CloudFormation / service defaults applied when a property is absent.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html (Timeout 3, MemorySize 128)
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html (BatchSize 10 for SQS)
 */
export const DEFAULTS = {
  functionTimeoutSeconds: 3,
  functionMemoryMb: 128,
  functionArchitecture: 'x86_64',
  queueVisibilityTimeoutSeconds: 30,
  queueMessageRetentionSeconds: 345_600,
  queueDelaySeconds: 0,
  queueReceiveWaitTimeSeconds: 0,
  queueMaximumMessageSizeBytes: 262_144,
  sqsBatchSize: 10,
  sqsMaximumBatchingWindowSeconds: 0,
  defaultEventBusName: 'default',
  httpApiPayloadFormatVersion: '2.0',
  /** @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html (30 s) */
  httpApiIntegrationTimeoutMs: 30_000,
} as const;

/**
 * AWS managed policies whose grants the local runtime knows. A function's role may carry others; they
 * are listed with `known: false` and grant nothing locally.
 *
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaSQSQueueExecutionRole.html
 */
export const KNOWN_MANAGED_POLICIES: Readonly<Record<string, readonly { Effect: 'Allow'; Action: string[]; Resource: string }[]>> = {
  AWSLambdaBasicExecutionRole: [
    { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
  ],
  AWSLambdaSQSQueueExecutionRole: [
    {
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: '*',
    },
  ],
  AWSLambdaVPCAccessExecutionRole: [
    { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
  ],
  AWSXRayDaemonWriteAccess: [
    { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], Resource: '*' },
  ],
};
