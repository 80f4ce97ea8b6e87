import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readConfig } from '../../../lambdas/verifier/config.js';
import { createVerifierHandler, type VerifierHandler } from '../../../lambdas/verifier/handler.js';
import { Publisher } from '../../../lambdas/verifier/publish.js';
import { createScheme } from '../../../lambdas/verifier/schemes/index.js';
import { CachedSecretSource } from '../../../lambdas/verifier/secrets.js';
import type { FakeAws } from '../verifier/fake-aws.js';
import { SECRET_ID } from '../verifier/harness.js';
import { RecordingMetrics } from '../verifier/recording-metrics.js';
import { NOW_MS } from './constants.js';
import { targetEnv, type FuzzTarget } from './targets.js';

/** The Secrets Manager id of a target's secret on the fake. */
export const secretIdOf = (target: FuzzTarget): string => `${SECRET_ID}/${target.name}`;

/** How a fuzzed verifier's dependencies are broken, if at all. */
export interface HarnessOptions {
  /** Secret id to read instead of the target's (e.g. one the fake does not hold, or holds a bad value under). */
  readonly secretId?: string;
  /** Send Secrets Manager calls here instead of the fake (a closed port: the store is down). */
  readonly secretsEndpoint?: string;
  /** Send S3 calls here instead of the fake (a closed port: claim-check uploads fail). */
  readonly s3Endpoint?: string;
  /** Override `HOOKBRIDGE_CLAIM_CHECK_THRESHOLD` (0: claim-check every non-empty payload). */
  readonly claimCheckThreshold?: number;
  /** `HOOKBRIDGE_BODY_LIMIT` instead of the fuzz default. */
  readonly bodyLimit?: number;
  /** `HOOKBRIDGE_SECRET_CACHE_SECONDS`. @default '300' (production's default) */
  readonly secretCacheSeconds?: number;
  /**
   * SDK attempts per call. The SDK's default (3) retries what a healthy network does now and then
   * — a keep-alive socket the server closed as it was reused (ECONNRESET) — which a long run
   * meets; 1 makes injected failures fail fast. @default 3
   */
  readonly maxAttempts?: number;
}

/**
 * A verifier wired as production wires it (readConfig, createScheme, the Powertools secrets
 * provider with its cache, the real Publisher and SDK v3 clients against {@link FakeAws}), with a
 * Powertools Logger at DEBUG — the most talkative level, so the leak checks see every line the
 * handler can write — and the fuzz clock.
 */
export function fuzzVerifier(fake: FakeAws, target: FuzzTarget, options: HarnessOptions = {}): VerifierHandler {
  const env: Record<string, string> = {
    ...targetEnv(target),
    HOOKBRIDGE_EVENT_BUS_NAME: 'hookbridge-bus',
    HOOKBRIDGE_SECRET_ID: options.secretId ?? secretIdOf(target),
    HOOKBRIDGE_CLAIM_CHECK_BUCKET: 'claims',
    HOOKBRIDGE_SECRET_CACHE_SECONDS: String(options.secretCacheSeconds ?? 300),
  };
  if (options.claimCheckThreshold !== undefined) env.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD = String(options.claimCheckThreshold);
  if (options.bodyLimit !== undefined) env.HOOKBRIDGE_BODY_LIMIT = String(options.bodyLimit);
  const config = readConfig(env);
  // The clients FakeAws.clients() makes, with the attempts chosen here.
  const common = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key' }, maxAttempts: options.maxAttempts ?? 3 };
  const secretsManager = new SecretsManagerClient({ ...common, endpoint: options.secretsEndpoint ?? fake.url });
  const s3 = new S3Client({ ...common, endpoint: options.s3Endpoint ?? fake.url, forcePathStyle: true });
  const eventBridge = new EventBridgeClient({ ...common, endpoint: fake.url });
  return createVerifierHandler({
    config,
    scheme: createScheme(config.scheme, config.schemeOptions),
    secrets: new CachedSecretSource(new SecretsProvider({ awsSdkV3Client: secretsManager }), config.secretId, config.secretCacheSeconds),
    publisher: new Publisher({
      eventBridge,
      s3,
      eventBusName: config.eventBusName,
      claimCheckBucket: config.claimCheckBucket,
      claimCheckThreshold: config.claimCheckThreshold,
    }),
    logger: new Logger({ logLevel: 'DEBUG', serviceName: 'hookbridge-fuzz' }),
    metrics: new RecordingMetrics(),
    now: () => NOW_MS,
  });
}

/** A URL on 127.0.0.1 where nothing listens (a port bound and released): every call is refused. */
export async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}
