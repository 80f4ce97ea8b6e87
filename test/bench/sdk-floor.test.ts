import { describe, expect, it } from 'vitest';
import { sdkFloorSource } from '../../bench/bundles/sdk-floor.js';

describe('sdkFloorSource', () => {
  it('constructs every bundled client and makes the recorded calls in order, with named imports', () => {
    // GIVEN the verifier's clients and calls  WHEN the floor is generated
    const source = sdkFloorSource(
      ['@aws-sdk/client-eventbridge', '@aws-sdk/client-s3', '@aws-sdk/client-secrets-manager'],
      ['secretsmanager.GetSecretValue', 'AWSEvents.PutEvents'],
    );
    // THEN it imports only what it uses and calls GetSecretValue before PutEvents
    expect(source).toContain('import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";');
    expect(source).toContain('import { S3Client } from "@aws-sdk/client-s3";');
    expect(source).not.toContain('import *');
    expect(source.indexOf('new GetSecretValueCommand')).toBeLessThan(source.indexOf('new PutEventsCommand'));
  });

  it('fails if a call was recorded that the floor cannot make', () => {
    expect(() => sdkFloorSource(['@aws-sdk/client-dynamodb'], ['DynamoDB_20120810.Scan'])).toThrow(
      'no SDK floor call is known for DynamoDB_20120810.Scan; add it to bench/bundles/sdk-floor.ts',
    );
  });

  it('fails if a call needs a client the function does not bundle', () => {
    expect(() => sdkFloorSource(['@aws-sdk/client-dynamodb'], ['AWSEvents.PutEvents'])).toThrow(
      'AWSEvents.PutEvents was called but @aws-sdk/client-eventbridge is not in the bundle',
    );
  });
});
