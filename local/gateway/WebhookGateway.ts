import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent, splitTarget } from './buildEvent.js';
import {
  DEFAULT_API_ID,
  DEFAULT_GATEWAY_HOST,
  DEFAULT_GATEWAY_PORT,
  GATEWAY_RESPONSES,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  LOCAL_ACCOUNT_ID,
  MAX_INTEGRATION_TIMEOUT_MS,
  MAX_PAYLOAD_BYTES,
  REQUEST_ID_HEADER,
  REQUEST_TIMEOUT_MS,
} from './constants.js';
import { GatewayError, GatewayListenError, IntegrationTimeoutError, PayloadTooLargeError, PortInUseError } from './errors.js';
import { mapIntegrationResponse } from './mapIntegrationResponse.js';
import { readBody } from './readBody.js';
import { newRequestId } from './requestIds.js';
import { RouteTable } from './RouteTable.js';
import type { ExtraHandler, GatewayAddress, GatewayResponse, GatewayRoute, WebhookGatewayOptions } from './types.js';

/** Headers the gateway computes itself; a function's values for them are dropped. */
const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

const gatewayAnswer = (answer: { readonly status: number; readonly message: string }): GatewayResponse => ({
  status: answer.status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message: answer.message })),
});

const withTimeout = async <T>(run: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

const sourceIpOf = (req: IncomingMessage): string => (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

/**
 * The webhook port of the local runtime: one HTTP server emulating an API Gateway HTTP API whose
 * routes are Lambda proxy integrations (payload format version 2.0) on the `$default` stage.
 *
 * - Route selection as HTTP API does it ({@link RouteTable}); no match → 404 `{"message":"Not Found"}`.
 * - Each request gets a request id (`requestContext.requestId` and the `apigw-requestid` header).
 * - The body is counted while it streams; past 10 MB → 413 `{"message":"Request Entity Too Large"}`.
 * - The function's answer is mapped as HTTP API maps it ({@link mapIntegrationResponse}); a
 *   failed function or a malformed answer → 500 `{"message":"Internal Server Error"}`, no answer
 *   within the integration timeout → 503 `{"message":"Service Unavailable"}`.
 * - `extraHandlers` (e.g. `GET /_local/state`) are the runtime's own paths, served before routes.
 *
 * @example
 * const gateway = new WebhookGateway({ port: 0, routes: [{ routeKey: 'ANY /webhooks/github', invoke }] });
 * const { url } = await gateway.listen();
 * // … POST `${url}/webhooks/github`
 * await gateway.close();
 */
export class WebhookGateway {
  private readonly table: RouteTable<GatewayRoute>;
  private readonly extraHandlers: readonly ExtraHandler[];
  private readonly host: string;
  private readonly requestedPort: number;
  private readonly apiId: string;
  private readonly accountId: string;
  private readonly maxPayloadBytes: number;
  private readonly integrationTimeoutMs: number;
  private readonly now: () => number;
  private readonly onError?: WebhookGatewayOptions['onError'];
  private readonly configuredDomainName?: string;
  private server?: Server;
  private addressInfo?: GatewayAddress;

  /** @throws InvalidRouteKeyError for a route key HTTP API would reject, GatewayError for an unsupported payload format */
  public constructor(options: WebhookGatewayOptions) {
    for (const route of options.routes) {
      if (route.payloadFormatVersion !== undefined && route.payloadFormatVersion !== '2.0') {
        throw new GatewayError(`route "${route.routeKey}" uses payload format ${route.payloadFormatVersion}; the local gateway emulates 2.0 only (set payloadFormatVersion: '2.0' on the integration)`);
      }
    }
    this.table = new RouteTable(options.routes.map((route) => ({ routeKey: route.routeKey, target: route })));
    this.extraHandlers = options.extraHandlers ?? [];
    this.host = options.host ?? DEFAULT_GATEWAY_HOST;
    this.requestedPort = options.port ?? DEFAULT_GATEWAY_PORT;
    this.apiId = options.apiId ?? DEFAULT_API_ID;
    this.accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
    this.maxPayloadBytes = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
    this.integrationTimeoutMs = options.integrationTimeoutMs ?? MAX_INTEGRATION_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.onError = options.onError;
    this.configuredDomainName = options.domainName;
  }

  /** Where the gateway listens; undefined until {@link listen} resolves. */
  public get address(): GatewayAddress | undefined {
    return this.addressInfo;
  }

  /**
   * Starts listening; resolves once connections are accepted, with the actual port (for port 0).
   *
   * @throws PortInUseError if the port is taken; GatewayListenError for other bind failures
   */
  public async listen(): Promise<GatewayAddress> {
    if (this.addressInfo) return this.addressInfo;
    const server = createServer(
      { keepAlive: true, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
      (req, res) => void this.serve(req, res),
    );
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(
          error.code === 'EADDRINUSE'
            ? new PortInUseError(this.host, this.requestedPort, { cause: error })
            : new GatewayListenError(this.host, this.requestedPort, error.code ?? error.message, { cause: error }),
        );
      };
      server.once('error', onError);
      server.listen(this.requestedPort, this.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    const hostForUrl = this.host.includes(':') ? `[${this.host}]` : this.host;
    this.addressInfo = { url: `http://${hostForUrl}:${port}`, host: this.host, port, domainName: this.configuredDomainName ?? `${hostForUrl}:${port}` };
    return this.addressInfo;
  }

  /** Stops listening and closes every connection, keep-alive ones included. */
  public async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.addressInfo = undefined;
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeAllConnections();
    await closed;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const timeEpoch = this.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const { rawPath } = splitTarget(url);
    let routeKey = '';
    try {
      const extra = this.extraHandlers.find((h) => h.method.toUpperCase() === method && h.path === rawPath);
      const body = await readBody(req, this.maxPayloadBytes);
      if (extra) {
        const answer = await extra.handle(req, body);
        const payload = answer.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
        this.write(req, res, { status: answer.status, headers: answer.headers ?? {}, body: payload }, requestId);
        return;
      }
      const match = this.table.select(method, rawPath);
      if (!match) {
        this.write(req, res, gatewayAnswer(GATEWAY_RESPONSES.notFound), requestId);
        return;
      }
      routeKey = match.routeKey;
      const domainName = this.addressInfo?.domainName ?? `${this.host}:${req.socket.localPort ?? 0}`;
      const event = buildEvent({
        method,
        url,
        rawHeaders: req.rawHeaders,
        httpVersion: req.httpVersion,
        sourceIp: sourceIpOf(req),
        localPort: req.socket.localPort ?? 0,
        body,
        routeKey,
        pathParameters: match.pathParameters,
        requestId,
        timeEpoch,
        accountId: this.accountId,
        apiId: this.apiId,
        domainName,
      });
      // HTTP API caps every integration at 30 s, whatever the template says.
      const timeoutMs = Math.min(match.target.timeoutMs ?? this.integrationTimeoutMs, MAX_INTEGRATION_TIMEOUT_MS);
      const run = Promise.resolve().then(() => match.target.invoke(event));
      // The function keeps running after a timeout, as on AWS; its late outcome is dropped.
      run.catch(() => undefined);
      const result = await withTimeout(run, timeoutMs, () => new IntegrationTimeoutError(routeKey, timeoutMs));
      this.write(req, res, mapIntegrationResponse(result), requestId);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        this.write(req, res, gatewayAnswer(GATEWAY_RESPONSES.requestEntityTooLarge), requestId, true);
        return;
      }
      const answer = error instanceof IntegrationTimeoutError ? GATEWAY_RESPONSES.serviceUnavailable : GATEWAY_RESPONSES.internalServerError;
      this.onError?.({ requestId, routeKey, status: answer.status, error });
      this.write(req, res, gatewayAnswer(answer), requestId);
    }
  }

  private write(req: IncomingMessage, res: ServerResponse, answer: GatewayResponse, requestId: string, close = false): void {
    if (res.headersSent || res.destroyed) return;
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_BY_HOP.has(name.toLowerCase())) res.setHeader(name, value);
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader('content-length', answer.body.length);
    if (close) res.setHeader('connection', 'close');
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }
}
