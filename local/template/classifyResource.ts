import { UnsupportedResourceError } from './errors.js';
import type { ResourceSupport } from './types.js';

/** Types the runtime emulates. */
export const EMULATED_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
  'AWS::SQS::Queue',
  'AWS::Events::EventBus',
  'AWS::Events::Rule',
  'AWS::Events::Archive',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::SecretsManager::Secret',
  'AWS::S3::Bucket',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration',
]);

/** Types read for their content (IAM enforcement, queue policies) but not created. */
export const READ_TYPES: ReadonlySet<string> = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::SQS::QueuePolicy',
]);

/** Types with no local behaviour whose absence changes nothing a function or webhook can observe. */
export const NOT_EMULATED_TYPES: ReadonlySet<string> = new Set([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::CustomResource',
  'AWS::CloudFormation::WaitConditionHandle',
  'AWS::Logs::LogGroup',
  'AWS::Logs::LogStream',
  'AWS::Logs::MetricFilter',
  'AWS::Logs::SubscriptionFilter',
  'AWS::Logs::ResourcePolicy',
  'AWS::Logs::QueryDefinition',
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::CompositeAlarm',
  'AWS::CloudWatch::Dashboard',
  'AWS::CloudWatch::AnomalyDetector',
  'AWS::SNS::Topic',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::Subscription',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::S3::BucketPolicy',
  'AWS::KMS::Key',
  'AWS::KMS::Alias',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::Deployment',
  'AWS::ApiGatewayV2::DomainName',
  'AWS::ApiGatewayV2::ApiMapping',
  'AWS::Events::EventBusPolicy',
  'AWS::SecretsManager::ResourcePolicy',
  'AWS::SecretsManager::RotationSchedule',
  'AWS::SQS::QueueInlinePolicy',
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::XRay::Group',
  'AWS::XRay::SamplingRule',
]);

/** Why a known type cannot run locally, and what to do. */
const UNSUPPORTED_REASONS: Readonly<Record<string, readonly [problem: string, fix: string]>> = {
  'AWS::StepFunctions::StateMachine': ['state machines are not emulated', 'remove it from the stack run locally, or test it on AWS'],
  'AWS::Lambda::Url': ['function URLs are not served locally', 'route the function through the HTTP API instead'],
  'AWS::Lambda::Alias': ['aliases are not emulated', 'point event sources and routes at the function itself'],
  'AWS::Lambda::LayerVersion': ['layers are not loaded locally', 'bundle the dependency into the function'],
  'AWS::ApiGatewayV2::Authorizer': ['route authorizers are not enforced locally', 'verify requests in the function (as the verifier does)'],
  'AWS::ApiGateway::RestApi': ['REST APIs (API Gateway v1) are not served locally', 'use an HTTP API (aws-apigatewayv2)'],
  'AWS::Kinesis::Stream': ['Kinesis streams are not emulated', 'use SQS, or test on AWS'],
  'AWS::Pipes::Pipe': ['EventBridge Pipes are not emulated', 'use a rule with an SQS target'],
  'AWS::Scheduler::Schedule': ['EventBridge Scheduler is not emulated', 'test schedules on AWS'],
  'AWS::SSM::Parameter': ['SSM parameters are not emulated (a function reading one would fail)', 'pass the value through an environment variable'],
  'AWS::CloudFormation::Stack': ['nested stacks are not expanded locally', 'run the nested stack as its own stack'],
};

/**
 * How the runtime treats a resource, by type (and, for SNS subscriptions, by protocol).
 *
 * @throws UnsupportedResourceError when the resource carries behaviour the runtime does not implement.
 */
export function classifyResource(logicalId: string, type: string, properties: Readonly<Record<string, unknown>> = {}): ResourceSupport {
  if (EMULATED_TYPES.has(type)) return 'emulated';
  if (READ_TYPES.has(type)) return 'read';
  if (type === 'AWS::SNS::Subscription' && ['lambda', 'sqs'].includes(String(properties.Protocol))) {
    throw new UnsupportedResourceError(
      logicalId,
      type,
      `SNS topics are not emulated, so the ${String(properties.Protocol)} subscriber would never receive a message`,
      'publish through the EventBridge bus instead',
    );
  }
  if (NOT_EMULATED_TYPES.has(type) || type.startsWith('Custom::') || type.startsWith('AWS::IAM::')) return 'not-emulated';
  const reason = UNSUPPORTED_REASONS[type] ?? [
    'this type is not emulated by the local runtime',
    'remove it from the stack run locally, or test it on AWS or LocalStack',
  ];
  throw new UnsupportedResourceError(logicalId, type, reason[0], reason[1]);
}

/** Like {@link classifyResource}, but returns `undefined` instead of throwing. */
export function supportOf(type: string): ResourceSupport | undefined {
  if (EMULATED_TYPES.has(type)) return 'emulated';
  if (READ_TYPES.has(type)) return 'read';
  if (NOT_EMULATED_TYPES.has(type) || type.startsWith('Custom::') || type.startsWith('AWS::IAM::')) return 'not-emulated';
  return undefined;
}
