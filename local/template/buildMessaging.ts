import { buildArn, nameFromArn } from './arns.js';
import { DEFAULTS } from './constants.js';
import { TemplateError, UnsupportedResourceError } from './errors.js';
import { asRecord, jsonObject, Props, toNumber, toPolicyDocument } from './props.js';
import type { ResourceIndex } from './ResourceIndex.js';
import type {
  ArchiveNode,
  EventBusNode,
  EventSourceMappingNode,
  QueueNode,
  QueuePolicyNode,
  ResolveContext,
  RuleNode,
  RuleTargetNode,
  TargetKind,
} from './types.js';

/** Every `AWS::SQS::Queue`, with CloudFormation's defaults for absent attributes. */
export function buildQueues(index: ResourceIndex): QueueNode[] {
  return index.ofType('AWS::SQS::Queue').map((resource) => {
    const props = new Props(resource);
    const where = `${resource.logicalId}.RedrivePolicy`;
    const redrive = jsonObject(props.raw.RedrivePolicy, where);
    let redrivePolicy: QueueNode['redrivePolicy'];
    if (redrive !== undefined) {
      const deadLetterTargetArn = redrive.deadLetterTargetArn;
      if (typeof deadLetterTargetArn !== 'string') throw new TemplateError(`${where}: deadLetterTargetArn should be a queue ARN`);
      const maxReceiveCount = toNumber(redrive.maxReceiveCount, 10, () => new TemplateError(`${where}: maxReceiveCount should be a number`))!;
      redrivePolicy = { deadLetterTargetArn, maxReceiveCount };
    }
    const dlq = redrivePolicy === undefined ? undefined : index.find(redrivePolicy.deadLetterTargetArn, 'AWS::SQS::Queue');
    const encryption = props.optionalString('KmsMasterKeyId') !== undefined ? 'kms' : props.boolean('SqsManagedSseEnabled', true) ? 'sqs-managed' : 'none';
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      url: resource.identity.ref,
      arn: resource.identity.arn!,
      fifo: props.boolean('FifoQueue', false),
      contentBasedDeduplication: props.boolean('ContentBasedDeduplication', false),
      visibilityTimeoutSeconds: props.number('VisibilityTimeout', DEFAULTS.queueVisibilityTimeoutSeconds),
      messageRetentionSeconds: props.number('MessageRetentionPeriod', DEFAULTS.queueMessageRetentionSeconds),
      delaySeconds: props.number('DelaySeconds', DEFAULTS.queueDelaySeconds),
      receiveWaitTimeSeconds: props.number('ReceiveMessageWaitTimeSeconds', DEFAULTS.queueReceiveWaitTimeSeconds),
      maximumMessageSizeBytes: props.number('MaximumMessageSize', DEFAULTS.queueMaximumMessageSizeBytes),
      ...(redrivePolicy === undefined ? {} : { redrivePolicy }),
      ...(dlq === undefined ? {} : { deadLetterQueueLogicalId: dlq.logicalId }),
      encryption,
    };
  });
}

/** Every `AWS::SQS::QueuePolicy` (read for information; not enforced). */
export function buildQueuePolicies(index: ResourceIndex): QueuePolicyNode[] {
  return index.ofType('AWS::SQS::QueuePolicy').map((resource) => {
    const props = new Props(resource);
    return {
      logicalId: resource.logicalId,
      queueUrls: props.list('Queues').map(String),
      document: toPolicyDocument(props.raw.PolicyDocument, `${resource.logicalId}.PolicyDocument`),
    };
  });
}

/** The `default` bus (always present) and every `AWS::Events::EventBus`. */
export function buildEventBuses(index: ResourceIndex, ctx: ResolveContext): EventBusNode[] {
  const buses: EventBusNode[] = index.ofType('AWS::Events::EventBus').map((resource) => ({
    logicalId: resource.logicalId,
    name: resource.identity.name!,
    arn: resource.identity.arn!,
  }));
  if (!buses.some((bus) => bus.name === DEFAULTS.defaultEventBusName)) {
    const arn = buildArn(ctx.region, 'events', ctx.region, ctx.accountId, `event-bus/${DEFAULTS.defaultEventBusName}`);
    buses.unshift({ name: DEFAULTS.defaultEventBusName, arn });
  }
  return buses;
}

function busName(value: string | undefined): string {
  return value === undefined || value === '' ? DEFAULTS.defaultEventBusName : nameFromArn(value, ':event-bus/');
}

function targetKind(arn: string): TargetKind | undefined {
  const service = arn.split(':')[2];
  if (service === 'sqs') return 'sqs';
  if (service === 'lambda') return 'lambda';
  if (service === 'events' && arn.includes(':event-bus/')) return 'event-bus';
  if (service === 'logs') return 'logs';
  return undefined;
}

/** Every `AWS::Events::Rule` with its targets. */
export function buildRules(index: ResourceIndex): RuleNode[] {
  return index.ofType('AWS::Events::Rule').map((resource) => {
    const props = new Props(resource);
    const targets = props.list('Targets').map((raw, i): RuleTargetNode => {
      const target = asRecord(raw) ?? {};
      const arn = String(target.Arn);
      const kind = targetKind(arn);
      if (kind === undefined) {
        throw new UnsupportedResourceError(
          resource.logicalId,
          resource.type,
          `target ${String(target.Id ?? i)} delivers to ${arn}, a service the local runtime does not emulate`,
          'target an SQS queue, a Lambda function or an event bus',
        );
      }
      const transformer = asRecord(target.InputTransformer);
      const retry = asRecord(target.RetryPolicy);
      const deadLetterArn = asRecord(target.DeadLetterConfig)?.Arn;
      const messageGroupId = asRecord(target.SqsParameters)?.MessageGroupId;
      const where = `${resource.logicalId}.Targets[${i}]`;
      return {
        id: String(target.Id ?? `Target${i}`),
        arn,
        kind,
        ...(typeof target.RoleArn === 'string' ? { roleArn: target.RoleArn } : {}),
        ...(typeof target.Input === 'string' ? { input: target.Input } : {}),
        ...(typeof target.InputPath === 'string' ? { inputPath: target.InputPath } : {}),
        ...(transformer === undefined
          ? {}
          : {
              inputTransformer: {
                ...(asRecord(transformer.InputPathsMap) === undefined
                  ? {}
                  : { inputPathsMap: transformer.InputPathsMap as Record<string, string> }),
                inputTemplate: String(transformer.InputTemplate),
              },
            }),
        ...(typeof deadLetterArn === 'string' ? { deadLetterArn } : {}),
        ...(retry === undefined
          ? {}
          : {
              retryPolicy: {
                ...(retry.MaximumRetryAttempts === undefined
                  ? {}
                  : { maximumRetryAttempts: toNumber(retry.MaximumRetryAttempts, undefined, () => new TemplateError(`${where}.RetryPolicy.MaximumRetryAttempts should be a number`))! }),
                ...(retry.MaximumEventAgeInSeconds === undefined
                  ? {}
                  : { maximumEventAgeInSeconds: toNumber(retry.MaximumEventAgeInSeconds, undefined, () => new TemplateError(`${where}.RetryPolicy.MaximumEventAgeInSeconds should be a number`))! }),
              },
            }),
        ...(typeof messageGroupId === 'string' ? { messageGroupId } : {}),
      };
    });
    const eventPattern = jsonObject(props.raw.EventPattern, `${resource.logicalId}.EventPattern`);
    const scheduleExpression = props.optionalString('ScheduleExpression');
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      arn: resource.identity.arn!,
      busName: busName(props.optionalString('EventBusName')),
      ...(eventPattern === undefined ? {} : { eventPattern }),
      ...(scheduleExpression === undefined ? {} : { scheduleExpression }),
      state: props.optionalString('State') ?? 'ENABLED',
      targets,
    };
  });
}

/** Every `AWS::Events::Archive`. */
export function buildArchives(index: ResourceIndex): ArchiveNode[] {
  return index.ofType('AWS::Events::Archive').map((resource) => {
    const props = new Props(resource);
    const sourceArn = props.string('SourceArn');
    const eventPattern = jsonObject(props.raw.EventPattern, `${resource.logicalId}.EventPattern`);
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      arn: resource.identity.arn!,
      sourceArn,
      busName: busName(sourceArn),
      ...(eventPattern === undefined ? {} : { eventPattern }),
      retentionDays: props.number('RetentionDays', 0),
    };
  });
}

/**
 * Every `AWS::Lambda::EventSourceMapping`; only SQS sources run locally.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-eventsourcemapping.html
 */
export function buildEventSourceMappings(index: ResourceIndex): EventSourceMappingNode[] {
  return index.ofType('AWS::Lambda::EventSourceMapping').map((resource) => {
    const props = new Props(resource);
    const { logicalId, type } = resource;
    const source = props.optionalString('EventSourceArn');
    if (source === undefined || source.split(':')[2] !== 'sqs') {
      const service = source === undefined ? 'a self-managed source' : source.split(':')[2];
      throw new UnsupportedResourceError(
        logicalId,
        type,
        `event source mappings from ${service} are not emulated, only from SQS`,
        'consume from an SQS queue (rule → queue → function)',
      );
    }
    const functionName = props.string('FunctionName');
    const fn = index.findFunction(functionName);
    if (fn === undefined) {
      throw new TemplateError(`${logicalId} (${type}): function ${functionName} is not in the stack; only functions of the stack run locally`);
    }
    const queue = index.find(source, 'AWS::SQS::Queue');
    const maximumConcurrency = toNumber(asRecord(props.raw.ScalingConfig)?.MaximumConcurrency, undefined, () =>
      new TemplateError(`${logicalId}.ScalingConfig.MaximumConcurrency should be a number`),
    );
    const filterPatterns = (asRecord(props.raw.FilterCriteria)?.Filters as unknown[] | undefined ?? []).map((filter, i) =>
      jsonObject(asRecord(filter)?.Pattern, `${logicalId}.FilterCriteria.Filters[${i}].Pattern`) ?? {},
    );
    return {
      logicalId,
      uuid: resource.identity.ref,
      functionLogicalId: fn.logicalId,
      functionName: fn.identity.name!,
      queueArn: source,
      ...(queue === undefined ? {} : { queueLogicalId: queue.logicalId }),
      batchSize: props.number('BatchSize', DEFAULTS.sqsBatchSize),
      maximumBatchingWindowSeconds: props.number('MaximumBatchingWindowInSeconds', DEFAULTS.sqsMaximumBatchingWindowSeconds),
      ...(maximumConcurrency === undefined ? {} : { maximumConcurrency }),
      reportBatchItemFailures: props.list('FunctionResponseTypes').includes('ReportBatchItemFailures'),
      enabled: props.boolean('Enabled', true),
      filterPatterns,
    };
  });
}
