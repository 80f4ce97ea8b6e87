import { Metrics } from '@aws-lambda-powertools/metrics';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { getEventBridgeClient, getSecretsManagerClient } from '../shared/clients.js';
import { getLogger } from '../shared/logger.js';
import { readConfig } from './config.js';
import type { VerifierDependencies } from './handler.js';
import { PowertoolsVerifierMetrics } from './metrics.js';
import { Publisher } from './publish.js';
import { loadS3Client } from './s3-client.js';
import { createScheme } from './schemes/index.js';
import { CachedSecretSource } from './secrets.js';

/**
 * The production wiring: configuration from `HOOKBRIDGE_*`, the shared SDK clients (which honour
 * `AWS_ENDPOINT_URL_*`, so the local runtime needs no special case), Powertools Logger/Metrics.
 * The S3 client is loaded by the first claim check, not here (see `s3-client.ts`).
 *
 * @throws VerifierConfigError when the environment is invalid
 */
export function dependenciesFromEnv(env: NodeJS.ProcessEnv): VerifierDependencies {
  const config = readConfig(env);
  const metrics = new Metrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE ?? 'hookbridge',
    defaultDimensions: { source: config.source },
  });
  return {
    config,
    scheme: createScheme(config.scheme, config.schemeOptions),
    secrets: new CachedSecretSource(
      new SecretsProvider({ awsSdkV3Client: getSecretsManagerClient() }),
      config.secretId,
      config.secretCacheSeconds,
    ),
    publisher: new Publisher({
      eventBridge: getEventBridgeClient(),
      s3: loadS3Client,
      eventBusName: config.eventBusName,
      claimCheckBucket: config.claimCheckBucket,
      claimCheckThreshold: config.claimCheckThreshold,
    }),
    logger: getLogger(),
    metrics: new PowertoolsVerifierMetrics(metrics),
  };
}
