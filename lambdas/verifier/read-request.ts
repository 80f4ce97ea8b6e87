import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { VerifierConfig } from './config.js';
import { ErrorCode, VerifierError } from './errors.js';
import { lowerCaseHeaders, publicUrl, requestBody } from './http.js';
import { byteLengthOf } from './raw-bytes.js';
import type { Scheme, SignedContent, WebhookRequest } from './types.js';

/** What turning a request into an event depends on: the source's configuration and its scheme adapter. */
export interface VerifierContext {
  readonly config: VerifierConfig;
  readonly scheme: Scheme;
}

/** A request that passed every check that needs no secret, with what its scheme says was signed. */
export interface ReadRequest {
  readonly request: WebhookRequest;
  /** Size of the body in bytes (after base64 decoding). */
  readonly bodyBytes: number;
  readonly content: SignedContent;
  /** The API Gateway request id. */
  readonly correlationId: string;
}

/**
 * The checks of the contract's order that come before the secret is read: `405` (not POST),
 * `413` (body over the limit, counted on decoded bytes), then the scheme's `401` for a missing or
 * malformed signature. Nothing here reads the secret, so junk requests never reach Secrets
 * Manager. The body is not copied: a text body stays the event's string.
 *
 * @throws VerifierError `method_not_allowed`, `payload_too_large`
 * @throws SignatureError `signature_missing`, `signature_malformed`
 */
export function readRequest(event: APIGatewayProxyEventV2, context: VerifierContext): ReadRequest {
  const { config } = context;
  const { method } = event.requestContext.http;
  if (method !== 'POST' && method.toUpperCase() !== 'POST') {
    throw new VerifierError(ErrorCode.MethodNotAllowed, 'only POST is accepted');
  }
  const body = requestBody(event);
  const bodyBytes = byteLengthOf(body);
  if (bodyBytes > config.bodyLimit) {
    throw new VerifierError(ErrorCode.PayloadTooLarge, `body is ${bodyBytes} bytes; the limit is ${config.bodyLimit}`);
  }
  const request: WebhookRequest = { headers: lowerCaseHeaders(event), body, url: publicUrl(event, config.publicUrl) };
  return { request, bodyBytes, content: context.scheme.signedContent(request), correlationId: event.requestContext.requestId };
}
