/** Every local server listens on loopback unless told otherwise; never 0.0.0.0. */
export const DEFAULT_GATEWAY_HOST = '127.0.0.1';

/** The webhook port of the local runtime (`PORT`). */
export const DEFAULT_GATEWAY_PORT = 3000;

/** The local account id shared by all local modules. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** The api id the gateway reports in `requestContext.apiId` unless the template gives one. */
export const DEFAULT_API_ID = 'local';

/**
 * Largest request payload HTTP API accepts: 10 MB, not adjustable.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Maximum (and default) integration timeout of an HTTP API: 30 seconds.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const MAX_INTEGRATION_TIMEOUT_MS = 30_000;

/** The only stage the local runtime serves. */
export const DEFAULT_STAGE = '$default';

/** The route key of the catch-all route. */
export const DEFAULT_ROUTE_KEY = '$default';

/** Route methods HTTP API accepts in a route key. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Response header carrying the request id on every HTTP API answer. */
export const REQUEST_ID_HEADER = 'apigw-requestid';

/**
 * How long a client may take to send its headers, and its whole request. API Gateway's own idle
 * timeout is 30 s; the whole-request bound leaves room for a 10 MB upload on a slow link.
 */
export const HEADERS_TIMEOUT_MS = 30_000;
export const REQUEST_TIMEOUT_MS = 120_000;
/** Idle keep-alive connections are closed after this long. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * API Gateway's own answers (gateway responses) for the cases the local gateway emulates.
 *
 * - No route: `{"message":"Not Found"}`
 *   (@see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html)
 * - Function error or malformed response: `{"message":"Internal Server Error"}`
 *   (@see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html)
 * - Integration timeout: HTTP APIs answer 503 `{"message":"Service Unavailable"}`, as observed on a
 *   real HTTP API (@see https://github.com/cortexlabs/cortex/issues/1225)
 * - Payload over 10 MB: 413 `{"message":"Request Entity Too Large"}`
 */
export const GATEWAY_RESPONSES = {
  notFound: { status: 404, message: 'Not Found' },
  internalServerError: { status: 500, message: 'Internal Server Error' },
  serviceUnavailable: { status: 503, message: 'Service Unavailable' },
  requestEntityTooLarge: { status: 413, message: 'Request Entity Too Large' },
} as const;
