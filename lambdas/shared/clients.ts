import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/*
 * SDK clients are created once per execution environment (outside the handler) so warm
 * invocations reuse their connection pools. SDK v3 reads `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` on its own, which is how the local runtime and tests point
 * these same clients at emulators; nothing here needs to know about endpoints.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */

let eventBridge: EventBridgeClient | undefined;
let s3: S3Client | undefined;
let secretsManager: SecretsManagerClient | undefined;

/** The shared EventBridge client. */
export function getEventBridgeClient(): EventBridgeClient {
  eventBridge ??= new EventBridgeClient({});
  return eventBridge;
}

/**
 * The shared S3 client. Path-style addressing is forced only when an endpoint override is set,
 * because emulators on 127.0.0.1 cannot serve virtual-hosted bucket names.
 */
export function getS3Client(): S3Client {
  const overridden = Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL);
  s3 ??= new S3Client({ forcePathStyle: overridden });
  return s3;
}

/** The shared Secrets Manager client. */
export function getSecretsManagerClient(): SecretsManagerClient {
  secretsManager ??= new SecretsManagerClient({});
  return secretsManager;
}
