import { LOCAL_CREDENTIALS, LOCAL_REGION } from './constants.js';
import type { LocalEndpoints } from './endpoints.js';

/**
 * Where a stack runs. The CLI makes the same SDK calls either way (ARCHITECTURE invariant 5);
 * only the endpoint, region and credentials differ.
 */
export type Target =
  | { readonly kind: 'local'; readonly endpoints: LocalEndpoints }
  | { readonly kind: 'aws' };

/** Configuration for an AWS SDK v3 client of one target. */
export interface SdkClientConfig {
  readonly region?: string;
  readonly endpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly maxAttempts?: number;
}

/**
 * The target `urls` belong to: local when a local endpoints file exists and one of the URLs is
 * served by it (a stale `local.json` next to a deployed stack's outputs is ignored), else AWS.
 */
export function resolveTarget(endpoints: LocalEndpoints | undefined, urls: readonly string[]): Target {
  if (!endpoints) return { kind: 'aws' };
  const localOrigins = new Set([origin(endpoints.webhookBaseUrl), origin(endpoints.edgeUrl)]);
  return urls.some((url) => localOrigins.has(origin(url))) ? { kind: 'local', endpoints } : { kind: 'aws' };
}

/**
 * SDK client settings for `target`. Locally: the edge URL, the local region and dummy credentials
 * (the edge treats unknown keys as an administrator). On AWS: the default endpoint and credential
 * chain, in the region of `resource` (an ARN or SQS queue URL) when it names one.
 */
export function sdkClientConfig(target: Target, resource: string | undefined, env: Readonly<Record<string, string | undefined>>): SdkClientConfig {
  if (target.kind === 'local') {
    return {
      endpoint: target.endpoints.edgeUrl,
      region: target.endpoints.region ?? env.AWS_REGION ?? LOCAL_REGION,
      credentials: { ...LOCAL_CREDENTIALS },
      maxAttempts: 1,
    };
  }
  const region = (resource !== undefined ? regionOf(resource) : undefined) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return region !== undefined ? { region } : {};
}

/**
 * The region an ARN (`arn:aws:sqs:eu-west-1:…`) or an SQS queue URL
 * (`https://sqs.eu-west-1.amazonaws.com/…`, legacy `https://eu-west-1.queue.amazonaws.com/…`) names.
 * @see https://docs.aws.amazon.com/general/latest/gr/sqs-service.html
 */
export function regionOf(resource: string): string | undefined {
  const arn = /^arn:[a-z-]+:[a-z0-9-]+:([a-z0-9-]+):/.exec(resource);
  if (arn) return arn[1] || undefined;
  if (!URL.canParse(resource)) return undefined;
  const host = new URL(resource).hostname;
  return /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host)?.[1] ?? /^([a-z0-9-]+)\.queue\.amazonaws\.com(\.cn)?$/.exec(host)?.[1];
}

function origin(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}
