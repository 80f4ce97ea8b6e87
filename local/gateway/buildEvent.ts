import { DEFAULT_STAGE } from './constants.js';
import { isTextContentType } from './isTextContentType.js';
import { formatRequestTime, newTraceId } from './requestIds.js';
import type { HttpApiEventV2 } from './types.js';

/** What {@link buildEvent} needs of one request. */
export interface EventInput {
  readonly method: string;
  /** The request target as received, e.g. `/webhooks/github?x=1`. */
  readonly url: string;
  /** Header names and values in arrival order (`IncomingMessage.rawHeaders`). */
  readonly rawHeaders: readonly string[];
  /** e.g. `1.1`. */
  readonly httpVersion: string;
  readonly sourceIp: string;
  /** The port the request arrived on (for `x-forwarded-port`). */
  readonly localPort: number;
  readonly body: Buffer;
  readonly routeKey: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly requestId: string;
  readonly timeEpoch: number;
  readonly accountId: string;
  readonly apiId: string;
  readonly domainName: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const decodeUtf8 = (body: Buffer): string | undefined => {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
};

const percentDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Splits the request target into the raw path and the raw query string (without `?`). */
export const splitTarget = (url: string): { rawPath: string; rawQueryString: string } => {
  const q = url.indexOf('?');
  return q === -1 ? { rawPath: url || '/', rawQueryString: '' } : { rawPath: url.slice(0, q) || '/', rawQueryString: url.slice(q + 1) };
};

/**
 * Query string parameters as HTTP API passes them: percent-decoded, a repeated name's values
 * joined with commas, a name without `=` given the empty string. (`+` is left as is: the AWS
 * guide does not say that HTTP API turns it into a space.)
 */
export const parseQueryString = (rawQueryString: string): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  let any = false;
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = percentDecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : percentDecode(pair.slice(eq + 1));
    params[name] = Object.hasOwn(params, name) ? `${params[name]},${value}` : value;
    any = true;
  }
  return any ? params : undefined;
};

/**
 * Request headers as payload format 2.0 carries them: names lowercased, repeated headers joined
 * with commas; every `cookie` header goes to `cookies` (one entry per cookie) instead.
 */
export const collectHeaders = (rawHeaders: readonly string[]): { headers: Record<string, string>; cookies: string[] } => {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    const value = rawHeaders[i + 1] as string;
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
};

/**
 * Builds the Lambda proxy integration event of an HTTP API, payload format version 2.0, for one
 * request: the fields AWS documents, absent ones left out (no `stageVariables`, no authorizer).
 * API Gateway's forwarding headers are added (`x-forwarded-for`/`-port`/`-proto`, `x-amzn-trace-id`).
 *
 * The body is a string only for text content types whose bytes are valid UTF-8; anything else is
 * base64, so the exact bytes a vendor signed reach the function (`Buffer.from(body, 'base64')`).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export const buildEvent = (input: EventInput): HttpApiEventV2 => {
  const { rawPath, rawQueryString } = splitTarget(input.url);
  const { headers, cookies } = collectHeaders(input.rawHeaders);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${input.sourceIp}` : input.sourceIp;
  headers['x-forwarded-port'] = String(input.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= newTraceId(input.timeEpoch);
  const queryStringParameters = parseQueryString(rawQueryString);

  let body: string | undefined;
  let isBase64Encoded = false;
  if (input.body.length > 0) {
    const text = isTextContentType(headers['content-type']) ? decodeUtf8(input.body) : undefined;
    isBase64Encoded = text === undefined;
    body = text ?? input.body.toString('base64');
  }

  const host = input.domainName.replace(/:\d+$/, '');
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: input.accountId,
      apiId: input.apiId,
      domainName: input.domainName,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: input.method.toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${input.httpVersion}`,
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: DEFAULT_STAGE,
      time: formatRequestTime(input.timeEpoch),
      timeEpoch: input.timeEpoch,
    },
    ...(body !== undefined ? { body } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    isBase64Encoded,
  };
};
