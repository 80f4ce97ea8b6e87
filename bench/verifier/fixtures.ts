import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createScheme, type SchemeName } from '../../lambdas/verifier/schemes/index.js';
import type { Scheme } from '../../lambdas/verifier/types.js';
import { jsonBody } from './payloads.js';

/** Scheme options of the default app's sources (bin/default-app.ts). */
export const SCHEME_OPTIONS: Readonly<Record<SchemeName, Record<string, unknown>>> = {
  github: {},
  stripe: {},
  slack: {},
  shopify: {},
  standard: {},
  twilio: {},
  generic: { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', prefixRequired: false },
};

/** 24 fixed bytes, written the way Standard Webhooks / Svix write a secret. */
const STANDARD_SECRET = `whsec_${Buffer.from('hookbridge-bench-secret!').toString('base64')}`;

/** The secret string each scheme is configured with (as stored in Secrets Manager). */
export function secretFor(scheme: SchemeName): string {
  return scheme === 'standard' ? STANDARD_SECRET : `bench-${scheme}-secret-0123456789abcdef`;
}

/** A signed webhook request, in every form the candidates take it. */
export interface SignedFixture {
  readonly scheme: SchemeName;
  readonly adapter: Scheme;
  readonly secret: string;
  /** The body exactly as sent (UTF-8 text, as a Lambda event carries it). */
  readonly body: string;
  readonly bodyBytes: number;
  /** Headers as sent, names as the signer wrote them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Headers with lower-case names, as API Gateway HTTP API delivers them. */
  readonly lowerHeaders: Readonly<Record<string, string>>;
  /** The URL called (Twilio: with `bodySHA256`). */
  readonly url: string;
  /** Unix seconds signed, and the clock the verifiers run at. */
  readonly timestamp: number;
  readonly deliveryId: string;
  /** API Gateway HTTP API payload 2.0 event of this request. */
  readonly event: APIGatewayProxyEventV2;
}

/**
 * Signs a JSON body of about `bytes` bytes with hookbridge's own adapter (the signer
 * `hookbridge send` uses). The vendors' verifiers accepting these requests is also a check that
 * the adapters sign exactly as the vendors do.
 */
export function signedFixture(scheme: SchemeName, bytes: number, timestamp: number, secret = secretFor(scheme)): SignedFixture {
  const adapter = createScheme(scheme, SCHEME_OPTIONS[scheme]);
  const deliveryId = `msg_2zQ8bench${scheme}${bytes}`;
  const body = jsonBody(scheme, deliveryId, bytes);
  const signed = adapter.sign({
    body: Buffer.from(body, 'utf8'),
    contentType: 'application/json',
    url: `https://hooks.example.com/webhooks/${scheme}`,
    timestamp,
    id: deliveryId,
    type: scheme === 'shopify' ? 'orders/create' : 'push',
    secret,
  });
  const lowerHeaders = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const url = new URL(signed.url);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: `POST /webhooks/${scheme}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { ...lowerHeaders, 'content-length': String(Buffer.byteLength(body)), host: url.host },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: url.host,
      domainPrefix: 'hooks',
      http: { method: 'POST', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'bench' },
      requestId: 'bench-request-id',
      routeKey: `POST /webhooks/${scheme}`,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: timestamp * 1000,
    },
    body,
    isBase64Encoded: false,
  };
  return {
    scheme,
    adapter,
    secret,
    body,
    bodyBytes: Buffer.byteLength(body),
    headers: signed.headers,
    lowerHeaders,
    url: signed.url,
    timestamp,
    deliveryId,
    event,
  };
}
