import { Template } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { IdempotencyTable } from '../../lib/idempotency-table.js';
import { newStack } from '../helpers/cdk/stacks.js';

function template(props = {}): Template {
  const { stack } = newStack();
  new IdempotencyTable(stack, 'Idempotency', props);
  return Template.fromStack(stack);
}

describe('IdempotencyTable', () => {
  it('is on-demand', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' });
  });

  it('has the partition key id (string) that Powertools expects', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    });
  });

  it('expires records through the TTL attribute expiration', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('has point-in-time recovery', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is encrypted with the AWS managed KMS key (SSEEnabled; SSEType defaults to KMS)', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('is retained when it leaves the stack', () => {
    template().hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('takes another partition key (the audit table uses pk)', () => {
    template({ partitionKey: 'pk' }).hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
  });
});
