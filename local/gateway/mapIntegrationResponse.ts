import { validateHeaderName, validateHeaderValue } from 'node:http';
import { MalformedIntegrationResponseError } from './errors.js';
import type { GatewayResponse } from './types.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const inferred = (result: unknown): GatewayResponse => {
  // A Lambda result is JSON: `undefined` crosses the wire as `null`.
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
};

const checkHeader = (name: string, value: string): void => {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  } catch (error) {
    throw new MalformedIntegrationResponseError(`header ${JSON.stringify(name)} is not a valid HTTP header (${(error as Error).message})`);
  }
};

/**
 * Turns what a function returned into the HTTP answer, as an HTTP API does with payload format 2.0:
 *
 * - a result with a `statusCode` is the response: `statusCode`, `headers` (string, number or
 *   boolean values), `cookies` (each becomes a `set-cookie` header), `body` (a string, base64 when
 *   `isBase64Encoded`); format 2.0 has no `multiValueHeaders`, so one is ignored;
 * - anything else (an object without `statusCode`, a string, a number…) is inferred: 200,
 *   `content-type: application/json`, the result as the body (a string as is, anything else as JSON).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.v2
 * @throws MalformedIntegrationResponseError for a response API Gateway cannot map (it answers 500)
 */
export const mapIntegrationResponse = (result: unknown): GatewayResponse => {
  if (!isRecord(result) || !('statusCode' in result)) return inferred(result);
  const { statusCode, headers, cookies, body, isBase64Encoded } = result;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedIntegrationResponseError(`statusCode must be an integer from 100 to 599 (given ${JSON.stringify(statusCode)})`);
  }
  const out: Record<string, string | string[]> = {};
  if (headers !== undefined && headers !== null) {
    if (!isRecord(headers)) throw new MalformedIntegrationResponseError('headers must be an object');
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new MalformedIntegrationResponseError(`header ${JSON.stringify(name)} must be a string, number or boolean`);
      }
      checkHeader(name, String(value));
      out[name.toLowerCase()] = String(value);
    }
  }
  if (cookies !== undefined && cookies !== null) {
    if (!Array.isArray(cookies) || cookies.some((c) => typeof c !== 'string')) {
      throw new MalformedIntegrationResponseError('cookies must be an array of strings');
    }
    const setCookies = cookies as string[];
    setCookies.forEach((c) => checkHeader('set-cookie', c));
    const existing = out['set-cookie'];
    out['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...setCookies];
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new MalformedIntegrationResponseError(`body must be a string (given ${Array.isArray(body) ? 'array' : typeof body})`);
  }
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean') {
    throw new MalformedIntegrationResponseError('isBase64Encoded must be a boolean');
  }
  const text = body ?? '';
  return { status: statusCode, headers: out, body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
};
