import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { IntegrationStack, pascal, type IntegrationStackProps } from '../../lib/integration-stack.js';
import { unbundledContext } from '../helpers/cdk/context.js';
import { TEAM_CONSUMER_ENTRY } from '../helpers/cdk/stacks.js';

function build(props: Partial<IntegrationStackProps> = {}) {
  const app = new App({ context: unbundledContext(), builtinCloudFormationValidation: false });
  const stack = new IntegrationStack(app, 'Hookbridge', {
    sources: [{ name: 'github', scheme: 'github' }, { name: 'order-events', scheme: 'standard' }],
    consumers: [{ name: 'crm-sync', entry: TEAM_CONSUMER_ENTRY, eventPattern: { source: ['webhooks.github'] } }],
    ...props,
  });
  return { stack, template: () => Template.fromStack(stack) };
}

describe('IntegrationStack', () => {
  it('outputs every URL, the bus, every queue and DLQ, the tables, the bucket and the alarm topic under stable keys', () => {
    const outputs = build().template().toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'WebhookUrlGithub',
        'SecretArnGithub',
        'WebhookUrlOrderEvents',
        'SecretArnOrderEvents',
        'EventBusName',
        'EventBusArn',
        'ArchiveName',
        'QueueCrmSyncUrl',
        'DlqCrmSyncUrl',
        'DeliveryDlqCrmSyncUrl',
        'QueueAuditLogUrl',
        'DlqAuditLogUrl',
        'DeliveryDlqAuditLogUrl',
        'IdempotencyTableName',
        'AuditTableName',
        'ClaimCheckBucketName',
        'AlarmTopicArn',
      ].sort(),
    );
  });

  it('outputs the webhook URL of a source as the API URL + webhooks/<name>', () => {
    const t = build().template();
    t.hasOutput('WebhookUrlGithub', {
      Value: { 'Fn::Join': ['', Match.arrayWith(['https://', '/webhooks/github'])] },
    });
    t.hasOutput('QueueCrmSyncUrl', { Value: { Ref: Match.stringLikeRegexp('^ConsumercrmsyncQueue') } });
  });

  it('adds an audit-log consumer on every event, writing to its own table with partition key pk', () => {
    const t = build().template();
    t.resourceCountIs('AWS::Events::Rule', 2);
    t.hasResourceProperties('AWS::Events::Rule', { EventPattern: { account: [{ Ref: 'AWS::AccountId' }] } });
    t.hasResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ HOOKBRIDGE_CONSUMER: 'audit-log', HOOKBRIDGE_AUDIT_TABLE: { Ref: Match.stringLikeRegexp('^AuditTable') } }) },
    });
  });

  it('leaves the audit log out when asked', () => {
    const t = build({ auditLog: false }).template();
    t.resourceCountIs('AWS::Events::Rule', 1);
    t.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  it('shares one idempotency table and keeps its records one day past the archive retention', () => {
    const t = build({ archiveRetention: Duration.days(60) }).template();
    t.resourceCountIs('AWS::DynamoDB::Table', 2);
    t.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 60 });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ HOOKBRIDGE_CONSUMER: 'crm-sync', HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS: String(61 * 86_400) }) },
    });
  });

  it('gives every source the claim-check bucket', () => {
    const fns = build().template().findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { HOOKBRIDGE_SOURCE: Match.anyValue(), HOOKBRIDGE_CLAIM_CHECK_BUCKET: { Ref: Match.stringLikeRegexp('^ClaimCheckBucket') } } } },
    });
    expect(Object.keys(fns)).toHaveLength(2);
  });

  it('leaves alarms out when asked', () => {
    const t = build({ alarms: false }).template();
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(Object.keys(t.toJSON().Outputs)).not.toContain('AlarmTopicArn');
  });

  it('turns names into PascalCase output keys', () => {
    expect(pascal('order-events')).toBe('OrderEvents');
    expect(pascal('github')).toBe('Github');
  });

  it('fails if two sources share a name', () => {
    expect(() => build({ sources: [{ name: 'github', scheme: 'github' }, { name: 'github', scheme: 'github' }] })).toThrow(
      'sources must have unique names (given github more than once)',
    );
  });

  it('fails if a consumer is called audit-log while the audit log is on', () => {
    expect(() => build({ consumers: [{ name: 'audit-log', entry: TEAM_CONSUMER_ENTRY }] })).toThrow(
      /consumers must have unique names, and "audit-log" is taken while auditLog is on \(given audit-log more than once\)/,
    );
  });

  it('fails if a consumer keeps idempotency records shorter than the archive retention', () => {
    expect(() => build({ consumers: [{ name: 'crm-sync', entry: TEAM_CONSUMER_ENTRY, idempotencyTtl: Duration.days(1) }] })).toThrow(
      'consumers[crm-sync].idempotencyTtl must be at least the archive retention of 2592000 seconds, or a replay redoes side effects (given 86400)',
    );
  });
});
