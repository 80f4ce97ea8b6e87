import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ClaimCheckBucket } from '../../lib/claim-check-bucket.js';
import { newStack } from '../helpers/cdk/stacks.js';

function build(props = {}): { template: Template; construct: ClaimCheckBucket } {
  const { stack } = newStack();
  const construct = new ClaimCheckBucket(stack, 'ClaimCheck', props);
  return { template: Template.fromStack(stack), construct };
}

const claimCheckBucket = { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-claim-checks' })]) } };

describe('ClaimCheckBucket', () => {
  it('encrypts objects with S3-managed keys', () => {
    build().template.hasResourceProperties('AWS::S3::Bucket', {
      ...claimCheckBucket,
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
  });

  it('blocks every kind of public access', () => {
    build().template.hasResourceProperties('AWS::S3::Bucket', {
      ...claimCheckBucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('denies requests without TLS', () => {
    build().template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^ClaimCheckBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('expires claim checks after 30 days and aborts incomplete uploads after 1 day', () => {
    build().template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [{ Id: 'expire-claim-checks', Status: 'Enabled', ExpirationInDays: 30, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      },
    });
  });

  it('takes the expiry as a prop', () => {
    build({ expirationDays: 7 }).template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-claim-checks', ExpirationInDays: 7 })] },
    });
  });

  it('logs server access to its own access-log bucket, which expires logs after 90 days', () => {
    const { template, construct } = build();
    expect(construct.accessLogsBucket).toBeDefined();
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...claimCheckBucket,
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^ClaimCheckAccessLogs') }, LogFilePrefix: 'claim-check/' },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-access-logs', ExpirationInDays: 90 })] },
    });
  });

  it('is retained when it leaves the stack', () => {
    build().template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });

  it('fails if expirationDays is 0', () => {
    const { stack } = newStack();
    expect(() => new ClaimCheckBucket(stack, 'ClaimCheck', { expirationDays: 0 })).toThrow(
      'expirationDays must be between 1 and 36500 (given 0)',
    );
  });
});
