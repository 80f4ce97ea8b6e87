import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { sha256Hex } from './schemes/wire.js';
import type { VerifierConfig } from './config.js';
import { MAX_DETAIL_TYPE_LENGTH, MAX_ID_LENGTH } from './constants.js';
import { contentTypeOf } from './detail.js';
import { ENVELOPE_VERSION, type EnvelopeHead } from './envelope.js';
import { ErrorCode, MalformedPayloadError, SecretUnavailableError, VerifierError } from './errors.js';
import { bodyBytes, errorAnswer, lowerCaseHeaders, publicUrl, toResult } from './http.js';
import type { VerifierMetrics } from './metrics.js';
import type { Publisher } from './publish.js';
import type { SecretSource } from './secrets.js';
import type { Delivery, Scheme, WebhookRequest } from './types.js';
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
 */
export function createVerifierHandler(deps: VerifierDependencies): VerifierHandler {
  const now = deps.now ?? Date.now;
  const { config, logger, metrics } = deps;

  return async (event) => {
    const correlationId = event.requestContext.requestId;
    logger.appendKeys({ correlation_id: correlationId, source: config.source });
    try {
      return await handle(event, correlationId);
    } catch (error) {
      if (!(error instanceof VerifierError)) throw error;
      metrics.rejected(error.code);
      // Only the error's name, code and message: never the body, and causes carry no secret values.
      const level = error.status >= 500 ? 'error' : 'warn';
      logger[level]('webhook rejected', { code: error.code, reason: error.message, cause: describeCause(error.cause) });
      const answer = errorAnswer(error.status, error.code, error.message);
      if (error.code === ErrorCode.MethodNotAllowed) answer.headers = { ...answer.headers, allow: 'POST' };
      return answer;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlation_id', 'source']);
    }
  };

  async function handle(event: APIGatewayProxyEventV2, correlationId: string): Promise<APIGatewayProxyStructuredResultV2> {
    if (event.requestContext.http.method.toUpperCase() !== 'POST') {
      throw new VerifierError(ErrorCode.MethodNotAllowed, 'only POST is accepted');
    }
    const body = bodyBytes(event);
    if (body.length > config.bodyLimit) {
      throw new VerifierError(ErrorCode.PayloadTooLarge, `body is ${body.length} bytes; the limit is ${config.bodyLimit}`);
    }
    const request: WebhookRequest = { headers: lowerCaseHeaders(event), body, url: publicUrl(event, config.publicUrl) };

    const content = deps.scheme.signedContent(request);
    const keys = await secretKeys();
    const nowMs = now();
    const { secretIndex } = verify({ content, keys, nowSeconds: Math.floor(nowMs / 1000), toleranceSeconds: config.toleranceSeconds });
    metrics.secretIndex(secretIndex);

    const delivery = deps.scheme.describe(request);
    if (delivery.handshake) {
      logger.info('handshake answered', { type: delivery.type });
      return toResult(delivery.handshake);
    }
    const head = envelopeHead(delivery, body, correlationId, secretIndex, new Date(nowMs));
    const result = await deps.publisher.publish(head, delivery.payload, new Date(nowMs));
    metrics.accepted();
    logger.info('webhook accepted', {
      id: head.id,
      type: head.type,
      bytes: body.length,
      entryBytes: result.entrySize,
      claimChecked: result.dataref !== undefined,
      secretIndex,
    });
    return delivery.success ? toResult(delivery.success) : toResult({ statusCode: 202, contentType: 'application/json', body: JSON.stringify({ id: head.id }) });
  }

  async function secretKeys(): Promise<Buffer[]> {
    const values = await deps.secrets.values();
    return values.map((value, index) => {
      try {
        return deps.scheme.key(value);
      } catch {
        throw new SecretUnavailableError(`secret entry ${index} is not a valid ${config.scheme} secret`);
      }
    });
  }

  function envelopeHead(delivery: Delivery, body: Buffer, correlationId: string, secretIndex: number, time: Date): EnvelopeHead {
    // Without a vendor id, the body hash makes a redelivery of the same bytes the same event.
    const id = delivery.id?.trim() || sha256Hex(Buffer.concat([Buffer.from(config.eventSource), body]));
    if (id.length > MAX_ID_LENGTH) throw new MalformedPayloadError(`delivery id is longer than ${MAX_ID_LENGTH} characters`);
    const type = delivery.type.trim() || 'webhook';
    if (type.length > MAX_DETAIL_TYPE_LENGTH) throw new MalformedPayloadError(`event type is longer than ${MAX_DETAIL_TYPE_LENGTH} characters`);
    return {
      specversion: '1.0',
      id,
      source: config.eventSource,
      type,
      time: time.toISOString(),
      datacontenttype: contentTypeOf(delivery.payload),
      envelopeversion: ENVELOPE_VERSION,
      correlationid: correlationId,
      verification: { scheme: config.scheme, secretIndex },
      vendorheaders: delivery.vendorHeaders,
    };
  }
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
