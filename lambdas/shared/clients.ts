import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/*
 * SDK clients are created once per execution environment (outside the handler) so warm
 * invocations reuse their connection pools. SDK v3 reads `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` on its own, which is how the local runtime and tests point
 * these same clients at emulators; nothing here needs to know about endpoints.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */

let eventBridge: EventBridgeClient | undefined;
let secretsManager: SecretsManagerClient | undefined;

/** The shared EventBridge client. */
export function getEventBridgeClient(): EventBridgeClient {
  eventBridge ??= new EventBridgeClient({});
  return eventBridge;
}

/** The shared Secrets Manager client. */
export function getSecretsManagerClient(): SecretsManagerClient {
  secretsManager ??= new SecretsManagerClient({});
  return secretsManager;
}
