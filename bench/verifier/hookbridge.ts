import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { VerifierConfig } from '../../lambdas/verifier/config.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_SECRET_CACHE_SECONDS, DEFAULT_TOLERANCE_SECONDS } from '../../lambdas/verifier/constants.js';
import { createVerifierHandler } from '../../lambdas/verifier/handler.js';
import { PowertoolsVerifierMetrics, type VerifierMetrics } from '../../lambdas/verifier/metrics.js';
import { prepareEvent, type PreparedEvent } from '../../lambdas/verifier/prepare-event.js';
import { Publisher } from '../../lambdas/verifier/publish.js';
import { readRequest, type VerifierContext } from '../../lambdas/verifier/read-request.js';
import { CachedSecretSource } from '../../lambdas/verifier/secrets.js';
import { verify } from '../../lambdas/verifier/verify.js';
import { CandidateCheckError } from '../errors.js';
import type { Candidate } from '../measure.js';
import { SCHEME_OPTIONS, type SignedFixture } from './fixtures.js';

/**
 * hookbridge's verify + parse + envelope, exactly the three steps the handler runs per request
 * (lambdas/verifier/handler.ts) in its order: `readRequest` (method, body size, signature header),
 * `verify` (HMAC, constant-time compare, timestamp window) and `prepareEvent` (parse, ids, envelope,
 * `Detail` and the PutEvents entry with its size), from the API Gateway event to the entry the
 * handler hands to the publisher. The HMAC keys are derived from the secret once, as the handler
 * keeps them while the secret is unchanged. Not included: the secret cache lookup, logging,
 * metrics and the PutEvents call, which {@link handlerCandidate} adds.
 */
export function hookbridgeCandidate(fixture: SignedFixture): Candidate {
  const context: VerifierContext = { config: configOf(fixture), scheme: fixture.adapter };
  const keys = [fixture.adapter.key(fixture.secret)];
  const nowMs = fixture.timestamp * 1000;
  const nowSeconds = fixture.timestamp;
  const { toleranceSeconds } = context.config;
  const name = 'hookbridge';
  return {
    name,
    async: false,
    run: (): PreparedEvent => {
      const read = readRequest(fixture.event, context);
      const { secretIndex } = verify({ content: read.content, keys, nowSeconds, toleranceSeconds });
      return prepareEvent(read, secretIndex, nowMs, context);
    },
    check: (result) => {
      const prepared = result as PreparedEvent;
      if (prepared.kind !== 'event' || !prepared.entry.Detail?.includes('"data":') || !(prepared.entrySize > fixture.bodyBytes)) {
        throw new CandidateCheckError(name, `${fixture.scheme} produced no PutEvents entry carrying the payload`);
      }
    },
  };
}

/** With or without the handler's own logging and metrics output. */
export type Observability = 'silent' | 'info';

const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/**
 * hookbridge's verifier exactly as `handler.ts` runs it — `createVerifierHandler` with the real
 * scheme adapter, `CachedSecretSource` over Powertools `SecretsProvider` (warm cache), and the
 * real `Publisher` (claim-check decision, `PutEventsCommand`) — with the SDK clients' `send`
 * answering at once, so the measured path ends where PutEvents would go on the wire. The API
 * Gateway event is the input, as in Lambda. Minus {@link hookbridgeCandidate}, this is what the
 * handler adds around verify + parse + envelope.
 *
 * `silent`: logger at `SILENT` and no-op metrics.
 * `info`: the production `INFO` log line and EMF metrics, formatted and written to a stream that
 * discards them (what a request costs in CPU beyond the envelope, minus the stdout syscall).
 */
export function handlerCandidate(fixture: SignedFixture, observability: Observability): Candidate {
  const config = configOf(fixture);
  const secretsClient = new SecretsManagerClient({ region: 'us-east-1', credentials: CREDENTIALS });
  answer(secretsClient, { SecretString: fixture.secret, Name: 'bench', ARN: config.secretId, VersionId: 'v1' });
  const eventBridge = new EventBridgeClient({ region: 'us-east-1', credentials: CREDENTIALS });
  answer(eventBridge, { FailedEntryCount: 0, Entries: [{ EventId: '11111111-2222-3333-4444-555555555555' }] });

  const logger = new Logger({ serviceName: 'verifier-bench', logLevel: observability === 'info' ? 'INFO' : 'SILENT' });
  let metrics: VerifierMetrics = NO_METRICS;
  if (observability === 'info') {
    const powertools = new Metrics({ namespace: 'hookbridge', serviceName: 'verifier-bench', defaultDimensions: { source: fixture.scheme } });
    discardOutput(logger);
    discardOutput(powertools);
    metrics = new PowertoolsVerifierMetrics(powertools);
  }

  const handler = createVerifierHandler({
    config,
    scheme: fixture.adapter,
    secrets: new CachedSecretSource(new SecretsProvider({ awsSdkV3Client: secretsClient }), config.secretId, config.secretCacheSeconds),
    publisher: new Publisher({ eventBridge, s3: new S3Client({ region: 'us-east-1', credentials: CREDENTIALS }), eventBusName: config.eventBusName }),
    logger,
    metrics,
    now: () => fixture.timestamp * 1000,
  });
  const name = observability === 'info' ? 'hookbridge handler + INFO log + EMF' : 'hookbridge handler';
  const expectedStatus = fixture.scheme === 'twilio' ? 200 : 202;
  return {
    name,
    async: true,
    run: () => handler(fixture.event),
    check: (result) => {
      const { statusCode, body } = result as APIGatewayProxyStructuredResultV2;
      if (statusCode !== expectedStatus) throw new CandidateCheckError(name, `${fixture.scheme} answered ${statusCode}: ${String(body)}`);
    },
  };
}

/** The verifier configuration of the default app's source for `fixture`'s scheme, with the default limits. */
function configOf(fixture: SignedFixture): VerifierConfig {
  return {
    source: fixture.scheme,
    scheme: fixture.scheme,
    schemeOptions: SCHEME_OPTIONS[fixture.scheme],
    eventSource: `webhooks.${fixture.scheme}`,
    eventBusName: 'hookbridge-bench',
    secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench',
    secretCacheSeconds: DEFAULT_SECRET_CACHE_SECONDS,
    bodyLimit: DEFAULT_BODY_LIMIT,
    toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
  };
}

const NO_METRICS: VerifierMetrics = { accepted() {}, rejected() {}, secretIndex() {}, flush() {} };

/** Makes an SDK client's `send` resolve with `output` at once, without middleware or network. */
function answer(client: { send: unknown }, output: Record<string, unknown>): void {
  client.send = async () => ({ $metadata: { httpStatusCode: 200 }, ...output });
}

/** Points a Powertools utility's (private) console at a stream that drops everything. */
function discardOutput(utility: Logger | Metrics): void {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  (utility as unknown as { console: Console }).console = new Console({ stdout: sink, stderr: sink });
}
