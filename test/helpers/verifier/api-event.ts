import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Options of {@link apiEvent}. */
export interface ApiEventOptions {
  readonly body?: Buffer | string;
  readonly headers?: Record<string, string>;
  readonly method?: string;
  /** Send the body base64-encoded, as API Gateway does for binary content types. */
  readonly base64?: boolean;
  readonly rawPath?: string;
  readonly rawQueryString?: string;
  readonly requestId?: string;
}

/** An API Gateway HTTP API (payload format 2.0) event shaped like the real thing. */
export function apiEvent(options: ApiEventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const rawPath = options.rawPath ?? '/webhooks/test';
  const bytes = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    version: '2.0',
    routeKey: `POST ${rawPath}`,
    rawPath,
    rawQueryString: options.rawQueryString ?? '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api123',
      domainName: 'api123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'api123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vendor' },
      requestId: options.requestId ?? 'req-1',
      routeKey: `POST ${rawPath}`,
      stage: '$default',
      time: '25/Nov/2026:20:00:00 +0000',
      timeEpoch: 1_795_636_800_000,
    },
    body: bytes === undefined ? undefined : options.base64 ? bytes.toString('base64') : bytes.toString('utf8'),
    isBase64Encoded: options.base64 ?? false,
  };
}
