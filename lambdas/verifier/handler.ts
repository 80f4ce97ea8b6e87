import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { VerifierConfig } from './config.js';
import { ErrorCode, SecretUnavailableError, VerifierError } from './errors.js';
import { errorAnswer, toResult } from './http.js';
import type { VerifierMetrics } from './metrics.js';
import { prepareEvent } from './prepare-event.js';
import type { Publisher } from './publish.js';
import { readRequest, type VerifierContext } from './read-request.js';
import type { SecretSource } from './secrets.js';
import type { Scheme } from './types.js';
import { verify } from './verify.js';
import { dependenciesFromEnv } from './dependencies.js';

/** Everything the verifier handler needs, injected so tests and the local runtime supply their own. */
export interface VerifierDependencies {
  readonly config: VerifierConfig;
  readonly scheme: Scheme;
  readonly secrets: SecretSource;
  readonly publisher: Pick<Publisher, 'publish'>;
  readonly logger: Logger;
  readonly metrics: VerifierMetrics;
  /** Current time in milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** The verifier's handler for API Gateway HTTP API (payload format 2.0) events. */
export type VerifierHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Builds the verifier handler. Checks run in the contract's order (docs/contract.md):
 * 405 → 413 → 401 → 400 → handshake → 503 → 202, and nothing answers 2xx unless the event is on
 * the bus (the Slack handshake excepted, which carries no event).
 *
 * The work per request is three pure steps — `readRequest` (405, 413, signature format),
 * `verify` (HMAC, timestamp window) and `prepareEvent` (400, handshake, envelope, entry size) —
 * with the secret read between the first two and the publish after the last; the handler adds
 * only the secret cache, logging, metrics and the PutEvents call around them.
 */
export function createVerifierHandler(deps: VerifierDependencies): VerifierHandler {
  const now = deps.now ?? Date.now;
  const { config, logger, metrics } = deps;
  const context: VerifierContext = { config, scheme: deps.scheme };
  let derived: { readonly values: readonly string[]; readonly keys: readonly Buffer[] } | undefined;

  return async (event) => {
    // Carried on each line rather than appended to the (shared) logger and removed again per request.
    const logKeys: LogKeys = { correlation_id: event.requestContext.requestId, source: config.source };
    try {
      return await handle(event, logKeys);
    } catch (error) {
      if (!(error instanceof VerifierError)) throw error;
      metrics.rejected(error.code);
      // Only the error's name, code and message: never the body, and causes carry no secret values.
      const level = error.status >= 500 ? 'error' : 'warn';
      logger[level]('webhook rejected', { ...logKeys, code: error.code, reason: error.message, cause: describeCause(error.cause) });
      const answer = errorAnswer(error.status, error.code, error.message);
      if (error.code === ErrorCode.MethodNotAllowed) answer.headers = { ...answer.headers, allow: 'POST' };
      return answer;
    } finally {
      metrics.flush();
    }
  };

  async function handle(event: APIGatewayProxyEventV2, logKeys: LogKeys): Promise<APIGatewayProxyStructuredResultV2> {
    const read = readRequest(event, context);
    const hmacKeys = await secretKeys();
    const nowMs = now();
    const { secretIndex } = verify({ content: read.content, keys: hmacKeys, nowSeconds: Math.floor(nowMs / 1000), toleranceSeconds: config.toleranceSeconds });
    metrics.secretIndex(secretIndex);

    const prepared = prepareEvent(read, secretIndex, nowMs, context);
    if (prepared.kind === 'handshake') {
      logger.info('handshake answered', { ...logKeys, type: prepared.type });
      return toResult(prepared.answer);
    }
    const result = await deps.publisher.publish(prepared);
    metrics.accepted();
    logger.info('webhook accepted', {
      ...logKeys,
      id: prepared.head.id,
      type: prepared.head.type,
      bytes: read.bodyBytes,
      entryBytes: result.entrySize,
      claimChecked: result.dataref !== undefined,
      secretIndex,
    });
    const answer = prepared.success ?? { statusCode: 202, contentType: 'application/json', body: JSON.stringify({ id: prepared.head.id }) };
    return toResult(answer);
  }

  /** HMAC keys of the active secrets, derived again only when the secret source returns new values. */
  async function secretKeys(): Promise<readonly Buffer[]> {
    const values = await deps.secrets.values();
    if (derived?.values === values) return derived.keys;
    const keys = values.map((value, index) => {
      try {
        return deps.scheme.key(value);
      } catch {
        throw new SecretUnavailableError(`secret entry ${index} is not a valid ${config.scheme} secret`);
      }
    });
    derived = { values, keys };
    return keys;
  }
}

/** Keys every log line about a request carries. */
interface LogKeys {
  readonly correlation_id: string;
  readonly source: string;
}

/** Name and message of an SDK error behind a failure, for operators; never the request. */
function describeCause(cause: unknown): { name: string; message: string } | undefined {
  return cause instanceof Error ? { name: cause.name, message: cause.message } : undefined;
}

let fromEnvironment: VerifierHandler | undefined;

/**
 * The Lambda entry point. Dependencies are built from the environment on the first invocation
 * and kept for the life of the execution environment (clients, secret cache); building lazily
 * keeps importing this module free of side effects.
 */
export const handler: VerifierHandler = async (event) => {
  fromEnvironment ??= createVerifierHandler(dependenciesFromEnv(process.env));
  return fromEnvironment(event);
};
