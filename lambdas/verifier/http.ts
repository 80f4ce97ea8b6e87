import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorCode } from './errors.js';
import { wellFormed } from './raw-bytes.js';
import type { HttpAnswer, RawBytes } from './types.js';

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

/**
 * The request body as received. API Gateway base64-encodes bodies it does not consider text;
 * those are decoded. A text body stays the event's string (made well formed, see `raw-bytes.ts`),
 * because its UTF-8 encoding is the body and copying it into a `Buffer` would cost as much as
 * parsing it.
 */
export function requestBody(event: APIGatewayProxyEventV2): RawBytes {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : wellFormed(event.body);
}

/** A header name `toLowerCase` leaves as it is: lower-case HTTP token characters only. */
const LOWER_CASE_NAME = /^[a-z0-9!#$%&'*+\-.^_`|~]*$/;

/**
 * Headers with lower-cased names. HTTP API already lower-cases them, so its object is used as it
 * is (checked without allocating); only other callers' headers are copied.
 */
export function lowerCaseHeaders(event: APIGatewayProxyEventV2): Readonly<Record<string, string>> {
  const given = event.headers ?? {};
  for (const name in given) {
    if (given[name] === undefined || !LOWER_CASE_NAME.test(name)) return lowerCasedCopy(given);
  }
  return given as Record<string, string>;
}

function lowerCasedCopy(given: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
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
