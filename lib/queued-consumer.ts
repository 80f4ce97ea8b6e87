import { Duration, Names, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, type EventPattern, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  DEFAULT_ARCHIVE_RETENTION_DAYS,
  DEFAULT_BACKOFF_BASE_SECONDS,
  DEFAULT_BACKOFF_MAX_SECONDS,
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_RECEIVE_COUNT,
  MAX_MAX_CONCURRENCY,
  MIN_MAX_CONCURRENCY,
  NAME_PATTERN,
  SQS_MAX_MESSAGE_BYTES,
  SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
  VISIBILITY_TIMEOUT_FACTOR,
} from './constants.js';
import { HandlerFunction } from './handler-function.js';
import { wildcardResourceFinding } from './nag-findings.js';
import { Violations } from './violations.js';

/** Props of {@link QueuedConsumer}. */
export interface QueuedConsumerProps {
  /** The bus to subscribe to. */
  readonly eventBus: IEventBus;
  /** Absolute path of the consumer's handler entry (exports `handler = defineConsumer(...)`). */
  readonly entry: string;
  /** The idempotency table (partition key `id`, TTL attribute `expiration`). */
  readonly idempotencyTable: ITable;
  /**
   * Consumer name: `HOOKBRIDGE_CONSUMER`, metric and output names.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Which events of the bus this consumer gets.
   * @default - every event on the bus (`{ account: [<this account>] }`)
   */
  readonly eventPattern?: EventPattern;
  /**
   * Claim-check bucket to fetch `dataref` payloads from (read only).
   * @default - no claim-check access
   */
  readonly claimCheckBucket?: IBucket;
  /**
   * Function timeout.
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
  /**
   * Function memory in MB.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Queue visibility timeout; at least 6 × the function timeout.
   * @default - 6 × the function timeout
   */
  readonly visibilityTimeout?: Duration;
  /**
   * Receives before a message moves to the DLQ.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Records per batch (1–10000; above 10 needs `maxBatchingWindow`).
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * How long to gather records before invoking (0–300 s).
   * @default - no batching window
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Most concurrent invocations by the event source (2–1000): backpressure toward a rate-limited
   * downstream.
   * @default - no limit beyond the account's concurrency
   */
  readonly maxConcurrency?: number;
  /**
   * How long the queue keeps a message.
   * @default Duration.days(4)
   */
  readonly retentionPeriod?: Duration;
  /**
   * Idempotency record expiry; keep it at least the archive's replay window so that a replay
   * never redoes side effects.
   * @default Duration.days(31)
   */
  readonly idempotencyTtl?: Duration;
  /**
   * First retry delay of the consumer kit's exponential backoff.
   * @default Duration.seconds(2)
   */
  readonly backoffBase?: Duration;
  /**
   * Largest retry delay (at most 12 hours, the SQS visibility limit).
   * @default Duration.seconds(900)
   */
  readonly backoffMax?: Duration;
  /**
   * Extra environment variables of the function (e.g. `HOOKBRIDGE_DOWNSTREAM_URL`).
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * One consumer: an EventBridge rule on the bus → an SQS queue (SSE, TLS-only, 1 MiB messages)
 * with a DLQ → a Lambda through an event source mapping that reports partial batch failures.
 * Events EventBridge could not deliver to the queue go to a separate delivery DLQ.
 *
 * @example
 * new QueuedConsumer(this, 'crm-sync', {
 *   eventBus: bus.eventBus,
 *   idempotencyTable: idempotency.table,
 *   entry: fileURLToPath(new URL('./handlers/crm-sync.ts', import.meta.url)),
 *   eventPattern: { source: ['webhooks.shopify'], detailType: ['orders/create'] },
 *   maxConcurrency: 5,
 * });
 */
export class QueuedConsumer extends Construct {
  /** The consumer name. */
  public readonly name: string;
  /** The queue the rule fills and the function drains. */
  public readonly queue: Queue;
  /** Messages that failed `maxReceiveCount` times. */
  public readonly deadLetterQueue: Queue;
  /** Events the rule could not deliver to the queue. */
  public readonly deliveryDeadLetterQueue: Queue;
  /** The rule. */
  public readonly rule: Rule;
  /**
   * The rule's name, a literal derived from the construct path. Explicit because the rule's `Ref`
   * on a custom bus is `<bus>|<rule>`, while its CloudWatch metrics carry the bare name.
   */
  public readonly ruleName: string;
  /** The consumer function. */
  public readonly handler: HandlerFunction;
  /** The event source mapping. */
  public readonly eventSourceMapping: EventSourceMapping;

  public constructor(scope: Construct, id: string, props: QueuedConsumerProps) {
    super(scope, id);
    this.name = props.name ?? id;
    const timeout = props.timeout ?? Duration.seconds(30);
    const visibilityTimeout =
      props.visibilityTimeout ?? Duration.seconds(Math.min(timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR, SQS_MAX_VISIBILITY_TIMEOUT_SECONDS));
    validate(this, this.name, props, timeout, visibilityTimeout);

    const queueDefaults = {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      maxMessageSizeBytes: SQS_MAX_MESSAGE_BYTES,
    };
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', { ...queueDefaults, retentionPeriod: Duration.days(14) });
    this.deliveryDeadLetterQueue = new Queue(this, 'DeliveryDeadLetterQueue', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      ...queueDefaults,
      visibilityTimeout,
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT },
    });
    for (const [dlq, of] of [
      [this.deadLetterQueue, `the queue of consumer ${this.name} (messages that failed maxReceiveCount times)`],
      [this.deliveryDeadLetterQueue, `the EventBridge rule target of consumer ${this.name} (events not deliverable to its queue)`],
    ] as const) {
      Validations.of(dlq).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason: `This queue is the dead-letter queue of ${of}; a DLQ of a DLQ would only move the same messages again. It is alarmed on depth > 0.`,
      });
    }
    Validations.of(this.deliveryDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the dead-letter queue of the EventBridge rule target of consumer ${this.name} (cdk-nag only recognizes queue and Lambda DLQs); it is alarmed on depth > 0.`,
    });

    this.ruleName = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    this.rule = new Rule(this, 'Rule', {
      ruleName: this.ruleName,
      eventBus: props.eventBus,
      description: `hookbridge consumer ${this.name}`,
      eventPattern: props.eventPattern ?? { account: [Stack.of(this).account] },
      targets: [new SqsQueue(this.queue, { deadLetterQueue: this.deliveryDeadLetterQueue })],
    });

    const environment: Record<string, string> = {
      HOOKBRIDGE_CONSUMER: this.name,
      HOOKBRIDGE_IDEMPOTENCY_TABLE: props.idempotencyTable.tableName,
      HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS: String(
        (props.idempotencyTtl ?? Duration.days(DEFAULT_ARCHIVE_RETENTION_DAYS + 1)).toSeconds(),
      ),
      HOOKBRIDGE_QUEUE_URL: this.queue.queueUrl,
      HOOKBRIDGE_BACKOFF_BASE_SECONDS: String((props.backoffBase ?? Duration.seconds(DEFAULT_BACKOFF_BASE_SECONDS)).toSeconds()),
      HOOKBRIDGE_BACKOFF_MAX_SECONDS: String((props.backoffMax ?? Duration.seconds(DEFAULT_BACKOFF_MAX_SECONDS)).toSeconds()),
      ...(props.claimCheckBucket ? { HOOKBRIDGE_CLAIM_CHECK_BUCKET: props.claimCheckBucket.bucketName } : {}),
      ...props.environment,
    };
    this.handler = new HandlerFunction(this, 'Handler', {
      entry: props.entry,
      serviceName: `hookbridge-consumer-${this.name}`,
      invokedBy: `its SQS event source mapping (consumer ${this.name})`,
      timeout,
      memorySize: props.memorySize,
      logLevel: props.logLevel,
      environment,
    });

    const role = this.handler.role;
    props.idempotencyTable.grant(role, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem');
    // The kit delays retries by changing the failed message's visibility.
    this.queue.grant(role, 'sqs:ChangeMessageVisibility');
    if (props.claimCheckBucket) {
      const objects = props.claimCheckBucket.arnForObjects('*');
      role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] }));
      props.claimCheckBucket.encryptionKey?.grantDecrypt(role);
      this.handler.acknowledgePolicyFinding(
        `AwsSolutions-IAM5[${wildcardResourceFinding(this, objects)}]`,
        'The consumer reads claim-checked payloads whose keys come from each event (dataref.key), ' +
          'unknown at deploy time; the grant is s3:GetObject only, on the claim-check bucket only.',
      );
    }

    this.handler.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize ?? DEFAULT_BATCH_SIZE,
        maxBatchingWindow: props.maxBatchingWindow,
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    const mapping = this.handler.function.node.children.find((c): c is EventSourceMapping => c instanceof EventSourceMapping);
    if (!mapping) throw new Error(`${this.node.path}: the SQS event source mapping was not created`);
    this.eventSourceMapping = mapping;
    Validations.of(mapping).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'SQS event source mappings do not support on-failure destinations (only Kinesis, DynamoDB ' +
        'Streams and Kafka do); a message that fails maxReceiveCount times moves to the queue DLQ ' +
        'through its redrive policy, which is alarmed.',
    });
  }
}

function validate(scope: Construct, name: string, props: QueuedConsumerProps, timeout: Duration, visibility: Duration): void {
  const v = new Violations();
  v.pattern('name', name, NAME_PATTERN, 'lower-case letters, digits and dashes, starting with a letter, at most 40 characters');
  v.range('timeout (seconds)', timeout.toSeconds(), 1, 900);
  v.range('visibilityTimeout (seconds)', visibility.toSeconds(), 0, SQS_MAX_VISIBILITY_TIMEOUT_SECONDS);
  if (props.visibilityTimeout) {
    const min = timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR;
    v.check(
      visibility.toSeconds() >= min,
      `visibilityTimeout must be at least ${VISIBILITY_TIMEOUT_FACTOR} × timeout = ${min} seconds (given ${visibility.toSeconds()})`,
    );
  }
  v.range('maxReceiveCount', props.maxReceiveCount, 1, 1000);
  v.range('batchSize', props.batchSize, 1, 10_000);
  const window = props.maxBatchingWindow?.toSeconds();
  v.range('maxBatchingWindow (seconds)', window, 0, 300);
  if (props.batchSize !== undefined && props.batchSize > 10) {
    v.check(
      (window ?? 0) >= 1,
      `batchSize above 10 needs maxBatchingWindow of at least 1 second (given batchSize ${props.batchSize}, maxBatchingWindow ${window ?? 0})`,
    );
  }
  v.range('maxConcurrency', props.maxConcurrency, MIN_MAX_CONCURRENCY, MAX_MAX_CONCURRENCY);
  v.range('retentionPeriod (seconds)', props.retentionPeriod?.toSeconds(), 60, 1_209_600);
  v.range('idempotencyTtl (seconds)', props.idempotencyTtl?.toSeconds(), 1, 31_536_000 * 10);
  v.range('backoffBase (seconds)', props.backoffBase?.toSeconds(), 0, SQS_MAX_VISIBILITY_TIMEOUT_SECONDS);
  v.range('backoffMax (seconds)', props.backoffMax?.toSeconds(), 1, SQS_MAX_VISIBILITY_TIMEOUT_SECONDS);
  v.throwIfAny(scope);
}
