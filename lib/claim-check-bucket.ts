import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DEFAULT_CLAIM_CHECK_EXPIRATION_DAYS } from './constants.js';
import { Violations } from './violations.js';

/** Props of {@link ClaimCheckBucket}. */
export interface ClaimCheckBucketProps {
  /**
   * Days after which claim-checked payloads expire. Keep it at least the archive retention, or a
   * replayed event may point at a deleted payload.
   * @default 30
   */
  readonly expirationDays?: number;
  /**
   * Bucket receiving the server access logs.
   * @default - a new access-log bucket (encrypted, TLS-only, public access blocked, logs expire after 90 days)
   */
  readonly serverAccessLogsBucket?: IBucket;
  /**
   * What happens to the bucket when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The S3 bucket holding payloads too large for one EventBridge entry (the claim check): S3-managed
 * encryption, public access blocked, TLS-only bucket policy, objects expiring after
 * `expirationDays`, server access logs to a separate bucket.
 *
 * @example
 * const claimCheck = new ClaimCheckBucket(this, 'ClaimCheck', { expirationDays: 35 });
 */
export class ClaimCheckBucket extends Construct {
  /** The claim-check bucket. */
  public readonly bucket: IBucket;
  /** The server access log bucket, when created here. */
  public readonly accessLogsBucket?: IBucket;

  public constructor(scope: Construct, id: string, props: ClaimCheckBucketProps = {}) {
    super(scope, id);
    const violations = new Violations();
    violations.range('expirationDays', props.expirationDays, 1, 36_500);
    violations.throwIfAny(this);

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    let logs = props.serverAccessLogsBucket;
    if (!logs) {
      const accessLogs = new Bucket(this, 'AccessLogs', {
        encryption: BucketEncryption.S3_MANAGED,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        // No objectOwnership: CDK picks it to match how log delivery is granted (bucket policy with
        // the serverAccessLogsUseBucketPolicy flag, the LogDeliveryWrite ACL without it), so the
        // construct works in apps with either flag value.
        lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
        removalPolicy,
      });
      Validations.of(accessLogs).acknowledge({
        id: 'AwsSolutions-S1',
        reason:
          'This bucket is the server access log destination of the claim-check bucket; logging ' +
          'it to itself would log its own log deliveries without bound.',
      });
      this.accessLogsBucket = accessLogs;
      logs = accessLogs;
    }

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'claim-check/',
      lifecycleRules: [
        {
          id: 'expire-claim-checks',
          expiration: Duration.days(props.expirationDays ?? DEFAULT_CLAIM_CHECK_EXPIRATION_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
    });
  }
}
