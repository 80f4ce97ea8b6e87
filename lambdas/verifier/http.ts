import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorCode } from './errors.js';
import type { HttpAnswer } from './types.js';

/** A JSON answer. Errors are `{"error","message"}` on one line; messages never carry secrets or content. */
export function errorAnswer(statusCode: number, code: ErrorCode, message: string): APIGatewayProxyStructuredResultV2 {
  return toResult({ statusCode, contentType: 'application/json', body: JSON.stringify({ error: code, message }) });
}

/** Converts a scheme's answer to API Gateway's result shape. */
export function toResult(answer: HttpAnswer, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: answer.statusCode,
    headers: { 'content-type': answer.contentType, ...headers },
    body: answer.body,
  };
}

/** The request body as received: API Gateway base64-encodes bodies it does not consider text. */
export function bodyBytes(event: APIGatewayProxyEventV2): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** Headers with lower-cased names (HTTP API already lower-cases them; other callers may not). */
export function lowerCaseHeaders(event: APIGatewayProxyEventV2): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/**
 * The URL the vendor called. API Gateway rewrites the host (custom domains, stage mappings), so
 * the configured public URL wins; the query string is always the one received, because Twilio
 * signs it (and appends `bodySHA256` to it).
 */
export function publicUrl(event: APIGatewayProxyEventV2, configured: string | undefined): string {
  const base = configured ?? `https://${event.requestContext.domainName}${event.rawPath}`;
  return event.rawQueryString ? `${base}?${event.rawQueryString}` : base;
}
