import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localArnContext, type MappingContext } from '../iam/index.js';
import { authorize, checksFor } from './authorize.js';
import { DEFAULT_EDGE_HOST, DEFAULT_EDGE_PORT, DEFAULT_MAX_BODY_BYTES } from './constants.js';
import { EdgeListenError } from './errors.js';
import { extractAccessKeyId } from './extractAccessKeyId.js';
import { FaultInjector } from './FaultInjector.js';
import { accessDeniedResponse, faultResponse, jsonErrorResponse, s3ErrorResponse } from './protocolErrors.js';
import { resolveRoute } from './resolveRoute.js';
import type { Caller, EdgeRequest, EdgeServerOptions, EdgeService, ServiceHandler, ServiceResponse } from './types.js';

class BodyTooLargeError extends Error {
  public constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

const readBody = async (req: IncomingMessage, limit: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The AWS-compatible endpoint of the local runtime: one HTTP server on loopback that
 * 1. identifies the caller by the access key id of its SigV4 `Authorization` header — signatures
 *    are not verified locally; an unknown or missing key is an administrator (no checks);
 * 2. maps the request to IAM (action, resource) checks and evaluates the caller's role policies,
 *    answering a denial exactly as the service's protocol does (AccessDeniedException / AccessDenied);
 * 3. applies injected faults (delay, failure window);
 * 4. routes by `X-Amz-Target` prefix — or, without one, to S3 — to the registered service handler.
 *
 * KMS is not emulated and not checked: no KMS request reaches the edge, and services store KMS key
 * ids without encrypting. IAM `Condition` blocks are not evaluated.
 *
 * @example
 * const edge = new EdgeServer({ port: 0 });
 * edge.register('secretsmanager', (req, body) => secrets.handle(req, body));
 * const { url } = await edge.listen();
 */
export class EdgeServer {
  /** Fault injection per service. */
  public readonly faults: FaultInjector;
  private readonly handlers = new Map<EdgeService, ServiceHandler>();
  private readonly callers = new Map<string, Caller>();
  private readonly ctx: MappingContext;
  private readonly host: string;
  private readonly port: number;
  private readonly maxBodyBytes: number;
  private server?: Server;

  public constructor(options: EdgeServerOptions = {}) {
    const arnContext = localArnContext(options.region);
    this.ctx = { ...arnContext, accountId: options.accountId ?? arnContext.accountId, resolveSecretArn: options.resolveSecretArn };
    this.host = options.host ?? DEFAULT_EDGE_HOST;
    this.port = options.port ?? DEFAULT_EDGE_PORT;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.faults = new FaultInjector(options.now);
  }

  /** Routes a service's requests to `handler` (replacing any earlier one). */
  public register(service: EdgeService, handler: ServiceHandler): this {
    this.handlers.set(service, handler);
    return this;
  }

  /** Makes `accessKeyId` a function caller whose role policies are enforced. */
  public setCaller(accessKeyId: string, caller: Caller): this {
    this.callers.set(accessKeyId, caller);
    return this;
  }

  /** Forgets a caller; its key becomes an administrator again. */
  public removeCaller(accessKeyId: string): void {
    this.callers.delete(accessKeyId);
  }

  /**
   * Starts listening; resolves with the bound address once ready.
   *
   * @throws EdgeListenError if the port cannot be bound
   */
  public async listen(): Promise<{ url: string; port: number }> {
    const server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new EdgeListenError(this.host, this.port, { cause: error })));
      server.listen(this.port, this.host, () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    return { url: `http://${this.host}:${port}`, port };
  }

  /** Stops listening and drops open connections. */
  public async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Handles one request end to end, without HTTP: what `listen()` serves. */
  public async dispatch(request: EdgeRequest, body: Buffer): Promise<ServiceResponse> {
    const route = resolveRoute(request, body);
    if (route.kind === 'unknownTarget') {
      return jsonErrorResponse(
        'dynamodb',
        'UnknownOperationException',
        `${route.target} is not emulated by the hookbridge local runtime (it serves SQS, EventBridge, Secrets Manager, DynamoDB and S3)`,
        400,
      );
    }
    if (route.kind === 'queryProtocol') {
      return jsonErrorResponse(
        'sqs',
        'UnknownOperationException',
        `the AWS query protocol (form-encoded Action=${route.action ?? '?'}) is not emulated locally; use a current AWS SDK or CLI, which speak JSON`,
        400,
      );
    }
    const { service, operation } = route;
    const accessKeyId = extractAccessKeyId(request.headers, request.url);
    const caller = accessKeyId === undefined ? undefined : this.callers.get(accessKeyId);
    if (caller) {
      const denial = authorize(caller, checksFor(service, operation, request, body, this.ctx));
      if (denial) return accessDeniedResponse(service, caller, denial.check, denial.explicit, this.ctx.accountId, request.method);
    }
    const { delayMs } = this.faults.get(service);
    if (delayMs > 0) await sleep(delayMs);
    const failing = this.faults.failing(service);
    if (failing) return faultResponse(service, failing, request.method);
    const handler = this.handlers.get(service);
    if (!handler) {
      const message = `${service}${operation ? `.${operation}` : ''} is not emulated: no ${service} service is running in this local runtime`;
      return service === 's3' ? s3ErrorResponse('NotImplemented', message, 501, request.method) : jsonErrorResponse(service, 'UnknownOperationException', message, 400);
    }
    const answer = await handler(request, body);
    return caller && service === 's3' ? this.hideMissingKey(caller, request, answer) : answer;
  }

  /**
   * S3 answers a missing key with 404 only to callers allowed `s3:ListBucket` on the bucket; others
   * get 403 AccessDenied, so they cannot probe for keys.
   *
   * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
   */
  private hideMissingKey(caller: Caller, request: EdgeRequest, answer: ServiceResponse): ServiceResponse {
    const method = (request.method ?? '').toUpperCase();
    if (answer.status !== 404 || (method !== 'GET' && method !== 'HEAD')) return answer;
    const segment = (request.url ?? '/').split('?')[0]?.split('/')[1] ?? '';
    let bucket = segment;
    try {
      bucket = decodeURIComponent(segment);
    } catch {
      // keep the raw segment; the service already answered
    }
    const denial = authorize(caller, [{ action: 's3:ListBucket', resource: `arn:${this.ctx.partition}:s3:::${bucket}` }]);
    return denial ? s3ErrorResponse('AccessDenied', 'Access Denied', 403, request.method) : answer;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let answer: ServiceResponse;
    try {
      const body = await readBody(req, this.maxBodyBytes);
      answer = await this.dispatch(req, body);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      const message = tooLarge ? `request body exceeds ${this.maxBodyBytes} bytes` : `local runtime error: ${String(error)}`;
      answer = typeof req.headers['x-amz-target'] === 'string'
        ? jsonErrorResponse('dynamodb', tooLarge ? 'RequestEntityTooLarge' : 'InternalFailure', message, tooLarge ? 413 : 500)
        : s3ErrorResponse(tooLarge ? 'EntityTooLarge' : 'InternalError', message, tooLarge ? 400 : 500, req.method);
    }
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    const headers: Record<string, string> = { ...answer.headers };
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(body.length);
    res.writeHead(answer.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
