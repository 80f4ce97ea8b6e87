import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Alarms, type AlarmsProps } from '../../lib/alarms.js';
import { QueuedConsumer } from '../../lib/queued-consumer.js';
import { WebhookApi } from '../../lib/webhook-api.js';
import { WebhookSource } from '../../lib/webhook-source.js';
import { newStackWithBus, TEAM_CONSUMER_ENTRY } from '../helpers/cdk/stacks.js';

function build(props: AlarmsProps = {}) {
  const { stack, bus, table } = newStackWithBus();
  const alarms = new Alarms(stack, 'Alarms', props);
  const api = new WebhookApi(stack, 'Api');
  alarms.monitorSource(new WebhookSource(stack, 'github', { api, eventBus: bus, scheme: 'github' }));
  alarms.monitorConsumer(new QueuedConsumer(stack, 'crm-sync', { eventBus: bus, idempotencyTable: table.table, entry: TEAM_CONSUMER_ENTRY }));
  return { alarms, template: Template.fromStack(stack) };
}

const toTopic = { AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }] };

describe('Alarms', () => {
  it('notifies one SNS topic that only accepts TLS', () => {
    const { template } = build();
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('creates six alarms for one consumer and one source', () => {
    const { template, alarms } = build();
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    expect(alarms.alarms).toHaveLength(6);
  });

  it('alarms when a consumer DLQ holds any message', () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...toTopic,
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncDeadLetterQueue'), 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms when the delivery DLQ holds any message', () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncDeliveryDeadLetterQueue'), 'QueueName'] } }],
      Threshold: 0,
    });
  });

  it('alarms when the oldest queued message is older than 1 hour', () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...toTopic,
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^crmsyncQueue'), 'QueueName'] } }],
      Period: 300,
      Threshold: 3600,
    });
  });

  it("alarms on any EventBridge FailedInvocations of the consumer's rule", () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...toTopic,
      Threshold: 0,
      Metrics: [
        Match.objectLike({
          Expression: Match.stringLikeRegexp(`^SELECT SUM\\(FailedInvocations\\) FROM "AWS/Events" WHERE RuleName = 'Test-crmsync-[0-9A-F]{8}'$`),
          Period: 300,
        }),
      ],
    });
  });

  it('alarms on any publish failure of a source (verifier metric in namespace hookbridge)', () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...toTopic,
      Threshold: 0,
      Metrics: [Match.objectLike({ Expression: "SELECT SUM(PublishFailed) FROM hookbridge WHERE source = 'github'" })],
    });
  });

  it('alarms on 20 or more signature rejections of a source in 5 minutes', () => {
    build().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...toTopic,
      Threshold: 19,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        Match.objectLike({
          Expression: Match.stringLikeRegexp("^SELECT SUM\\(Rejected\\) FROM hookbridge WHERE source = 'github' AND reason != 'unknown_source'.* AND reason != 'malformed_payload'"),
          Period: 300,
        }),
      ],
    });
  });

  it('subscribes an e-mail address with its own DLQ for undeliverable notifications', () => {
    const { template } = build({ email: 'oncall@example.com' });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsEmailDeadLetterQueue'), 'Arn'] } },
    });
  });

  it('has no subscription by default', () => {
    build().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('fails if the e-mail address is malformed', () => {
    expect(() => build({ email: 'oncall' })).toThrow('email must be an e-mail address (given "oncall")');
  });

  it('fails if signatureRejectionThreshold is 0', () => {
    expect(() => build({ signatureRejectionThreshold: 0 })).toThrow('signatureRejectionThreshold must be between 1 and 1000000 (given 0)');
  });
});
