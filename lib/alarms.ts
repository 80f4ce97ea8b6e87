import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './constants.js';
import type { QueuedConsumer } from './queued-consumer.js';
import { Violations } from './violations.js';
import type { WebhookSource } from './webhook-source.js';

/** Props of {@link Alarms}. */
export interface AlarmsProps {
  /**
   * Bring your own topic.
   * @default - a new TLS-only SNS topic
   */
  readonly topic?: ITopic;
  /**
   * E-mail address subscribed to the topic.
   * @default - no subscription
   */
  readonly email?: string;
  /**
   * Age of the oldest message in a consumer queue that raises an alarm.
   * @default Duration.hours(1)
   */
  readonly queueAgeThreshold?: Duration;
  /**
   * Signature rejections (401 answers) of one source within `period` that raise an alarm.
   * @default 20
   */
  readonly signatureRejectionThreshold?: number;
  /**
   * Period of every alarm.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

/**
 * Error codes of the verifier (docs/contract.md) that are not signature failures; what remains are
 * the 401 codes `signature_missing`, `signature_malformed`, `timestamp_out_of_window` and
 * `signature_mismatch`.
 */
const NON_SIGNATURE_REASONS = [
  'unknown_source',
  'method_not_allowed',
  'payload_too_large',
  'malformed_payload',
  'secret_unavailable',
  'publish_failed',
];

/**
 * Alarms to one SNS topic: per consumer, DLQ depth > 0 (processing and delivery DLQs) and the age
 * of the oldest queued message; per source, publish failures > 0 and signature-rejection spikes
 * (the verifier's Powertools metrics in namespace `hookbridge`); per consumer rule, EventBridge
 * `FailedInvocations` > 0.
 *
 * Metrics of the verifier and of EventBridge are read through CloudWatch Metrics Insights queries
 * filtered on a dimension, so the alarm matches whatever other dimensions (such as Powertools'
 * `service`) the metric carries.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 *
 * @example
 * const alarms = new Alarms(this, 'Alarms', { email: 'oncall@example.com' });
 * alarms.monitorConsumer(consumer);
 * alarms.monitorSource(source);
 */
export class Alarms extends Construct {
  /** The topic every alarm notifies. */
  public readonly topic: ITopic;
  /** Every alarm created so far. */
  public readonly alarms: Alarm[] = [];

  private readonly action: SnsAction;
  private readonly period: Duration;
  private readonly queueAgeThreshold: Duration;
  private readonly signatureRejectionThreshold: number;

  public constructor(scope: Construct, id: string, props: AlarmsProps = {}) {
    super(scope, id);
    const v = new Violations();
    v.range('signatureRejectionThreshold', props.signatureRejectionThreshold, 1, 1_000_000);
    v.range('period (seconds)', props.period?.toSeconds(), 60, 86_400);
    v.range('queueAgeThreshold (seconds)', props.queueAgeThreshold?.toSeconds(), 60, 1_209_600);
    v.pattern('email', props.email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address');
    v.throwIfAny(this);

    this.period = props.period ?? Duration.minutes(5);
    this.queueAgeThreshold = props.queueAgeThreshold ?? Duration.hours(1);
    this.signatureRejectionThreshold = props.signatureRejectionThreshold ?? 20;
    this.topic = props.topic ?? new Topic(this, 'Topic', { displayName: 'hookbridge alarms', enforceSSL: true });
    this.action = new SnsAction(this.topic);

    if (props.email) {
      const undelivered = new Queue(this, 'EmailDeadLetterQueue', {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
        Validations.of(undelivered).acknowledge({
          id,
          reason:
            'This queue is the dead-letter queue of the alarm e-mail subscription (alarm ' +
            'notifications SNS could not deliver); a DLQ of a DLQ would only move them again.',
        });
      }
      this.topic.addSubscription(new EmailSubscription(props.email, { deadLetterQueue: undelivered }));
    }
  }

  /** DLQ depth, delivery DLQ depth, queue age and rule failed invocations of one consumer. */
  public monitorConsumer(consumer: QueuedConsumer): void {
    const name = consumer.name;
    this.add(`${name}DlqDepth`, `Consumer ${name}: messages in its DLQ (failed maxReceiveCount times)`,
      consumer.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }), 0);
    this.add(`${name}DeliveryDlqDepth`, `Consumer ${name}: events EventBridge could not deliver to its queue`,
      consumer.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }), 0);
    this.add(`${name}QueueAge`, `Consumer ${name}: oldest queued message older than ${this.queueAgeThreshold.toHumanString()}`,
      consumer.queue.metricApproximateAgeOfOldestMessage({ period: this.period, statistic: 'Maximum' }),
      this.queueAgeThreshold.toSeconds());
    this.add(`${name}FailedInvocations`, `Consumer ${name}: EventBridge failed to invoke its rule target`,
      this.insights(`SELECT SUM(FailedInvocations) FROM "AWS/Events" WHERE RuleName = '${consumer.ruleName}'`, 'FailedInvocations'), 0);
  }

  /** Publish failures and signature-rejection spikes of one source. */
  public monitorSource(source: WebhookSource): void {
    const name = source.name;
    this.add(`${name}PublishFailed`, `Source ${name}: verified deliveries could not be published (answered 503)`,
      this.insights(`SELECT SUM(PublishFailed) FROM ${METRICS_NAMESPACE} WHERE source = '${name}'`, 'PublishFailed'), 0);
    const notSignature = NON_SIGNATURE_REASONS.map((r) => ` AND reason != '${r}'`).join('');
    this.add(`${name}SignatureRejections`,
      `Source ${name}: at least ${this.signatureRejectionThreshold} signature rejections (401) in ${this.period.toHumanString()}`,
      this.insights(`SELECT SUM(Rejected) FROM ${METRICS_NAMESPACE} WHERE source = '${name}'${notSignature}`, 'SignatureRejections'),
      this.signatureRejectionThreshold - 1);
  }

  private insights(expression: string, label: string): IMetric {
    return new MathExpression({ expression, label, period: this.period, usingMetrics: {} });
  }

  private add(id: string, description: string, metric: IMetric, threshold: number): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: `hookbridge: ${description}`,
      metric,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
