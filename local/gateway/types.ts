import type { IncomingMessage } from 'node:http';

/**
 * The event an HTTP API sends a Lambda proxy integration, payload format version 2.0.
 * Optional fields are absent (not `null`) when the request has none, as on AWS.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export interface HttpApiEventV2 {
  readonly version: '2.0';
  readonly routeKey: string;
  /** The request path exactly as received (not decoded). */
  readonly rawPath: string;
  /** The query string without `?`, as received; `''` when there is none. */
  readonly rawQueryString: string;
  /** Every `cookie` header's cookies; the `cookie` header itself is not in `headers`. */
  readonly cookies?: readonly string[];
  /** Lowercased names; duplicates joined with commas. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded; duplicates joined with commas. */
  readonly queryStringParameters?: Readonly<Record<string, string>>;
  readonly requestContext: HttpApiRequestContextV2;
  readonly body?: string;
  /** Decoded path variables of the matched route, the greedy one holding the rest of the path. */
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly isBase64Encoded: boolean;
}

/** `requestContext` of {@link HttpApiEventV2}. */
export interface HttpApiRequestContextV2 {
  readonly accountId: string;
  readonly apiId: string;
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly http: {
    readonly method: string;
    readonly path: string;
    readonly protocol: string;
    readonly sourceIp: string;
    readonly userAgent: string;
  };
  readonly requestId: string;
  readonly routeKey: string;
  readonly stage: string;
  /** e.g. `12/Mar/2020:19:03:58 +0000`. */
  readonly time: string;
  readonly timeEpoch: number;
}

/** A route of the HTTP API bound to a Lambda proxy integration. */
export interface GatewayRoute {
  /** `$default`, or `METHOD /path` with `{name}` and a final `{name+}` variable, e.g. `ANY /webhooks/github`. */
  readonly routeKey: string;
  /**
   * Runs the integration: resolves with what the function returned, rejects when the function
   * failed (threw, timed out, crashed) — the gateway then answers 500 as API Gateway does.
   */
  readonly invoke: (event: HttpApiEventV2) => Promise<unknown>;
  /** The integration's `TimeoutInMillis` (capped at 30000, as on AWS). @default - the gateway's `integrationTimeoutMs` */
  readonly timeoutMs?: number;
  /** Only `2.0` is emulated. @default '2.0' */
  readonly payloadFormatVersion?: string;
}

/** What an extra handler answers. */
export interface ExtraHandlerResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** A path the local runtime itself serves on the webhook port (e.g. `GET /_local/state`); never routed to a function. */
export interface ExtraHandler {
  /** Exact method, e.g. `GET`. */
  readonly method: string;
  /** Exact path, without query string, e.g. `/_local/state`. */
  readonly path: string;
  readonly handle: (request: IncomingMessage, body: Buffer) => Promise<ExtraHandlerResponse> | ExtraHandlerResponse;
}

/** Why the gateway answered with one of API Gateway's own error responses instead of the function's. */
export interface GatewayErrorReport {
  readonly requestId: string;
  readonly routeKey: string;
  readonly status: number;
  readonly error: unknown;
}

/** Options of {@link WebhookGateway}. */
export interface WebhookGatewayOptions {
  readonly routes: readonly GatewayRoute[];
  /** Paths the runtime owns; they take precedence over routes. @default [] */
  readonly extraHandlers?: readonly ExtraHandler[];
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free port. @default 3000 */
  readonly port?: number;
  /** `requestContext.domainName`. @default - `<host>:<actual port>` */
  readonly domainName?: string;
  /** `requestContext.apiId`. @default 'local' */
  readonly apiId?: string;
  /** `requestContext.accountId`. @default '000000000000' */
  readonly accountId?: string;
  /** Largest accepted request body, bytes. @default 10485760 (HTTP API's 10 MB) */
  readonly maxPayloadBytes?: number;
  /** Integration timeout of routes that set none (capped at 30000). @default 30000 */
  readonly integrationTimeoutMs?: number;
  /** Told why a request got a 500/503 gateway answer (the client only sees the generic message). @default - nothing */
  readonly onError?: (report: GatewayErrorReport) => void;
  /** Clock for `requestContext.time`/`timeEpoch`. @default Date.now */
  readonly now?: () => number;
}

/** Where a listening gateway can be reached. */
export interface GatewayAddress {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly domainName: string;
}

/** An answer ready to be written: status, headers (lowercase names) and raw body bytes. */
export interface GatewayResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}
