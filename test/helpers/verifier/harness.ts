import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { readConfig } from '../../../lambdas/verifier/config.js';
import { createVerifierHandler, type VerifierHandler } from '../../../lambdas/verifier/handler.js';
import { Publisher } from '../../../lambdas/verifier/publish.js';
import { createScheme } from '../../../lambdas/verifier/schemes/index.js';
import { CachedSecretSource } from '../../../lambdas/verifier/secrets.js';
import type { FakeAws } from './fake-aws.js';
import { RecordingMetrics } from './recording-metrics.js';

/** The secret id the harness configures. */
export const SECRET_ID = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hookbridge/test';

/**
 * A verifier handler wired exactly as production (real Publisher, real Powertools secrets provider,
 * real SDK clients) except that the clients point at the {@link FakeAws} server.
 */
export function verifierHarness(
  fake: FakeAws,
  env: Record<string, string>,
  now: () => number = Date.now,
): { handler: VerifierHandler; metrics: RecordingMetrics } {
  const config = readConfig({
    HOOKBRIDGE_SOURCE: 'test',
    HOOKBRIDGE_EVENT_BUS_NAME: 'hookbridge-bus',
    HOOKBRIDGE_SECRET_ID: SECRET_ID,
    HOOKBRIDGE_CLAIM_CHECK_BUCKET: 'claims',
    ...env,
  });
  const clients = fake.clients();
  const metrics = new RecordingMetrics();
  const handler = createVerifierHandler({
    config,
    scheme: createScheme(config.scheme, config.schemeOptions),
    secrets: new CachedSecretSource(new SecretsProvider({ awsSdkV3Client: clients.secretsManager }), config.secretId, config.secretCacheSeconds),
    publisher: new Publisher({
      eventBridge: clients.eventBridge,
      s3: clients.s3,
      eventBusName: config.eventBusName,
      claimCheckBucket: config.claimCheckBucket,
      claimCheckThreshold: config.claimCheckThreshold,
    }),
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics,
    now,
  });
  return { handler, metrics };
}
