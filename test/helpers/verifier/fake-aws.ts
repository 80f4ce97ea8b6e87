import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** How the fake EventBridge answers PutEvents. */
export type PutEventsMode = 'accept' | 'reject-entry' | 'service-error';

/** One PutEvents entry as received on the wire. */
export interface ReceivedEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly EventBusName?: string;
  readonly Time?: number;
}

/**
 * A tiny AWS endpoint on 127.0.0.1 speaking just enough of three wire protocols for the verifier:
 * EventBridge `PutEvents` and Secrets Manager `GetSecretValue` (awsJson1_1: `POST /` with
 * `X-Amz-Target`) and S3 `PutObject` (REST: `PUT /{bucket}/{key}`, path style). Tests drive the
 * real SDK v3 clients against it, so serialization, retries and error parsing are the SDK's own.
 */
export class FakeAws {
  /** Secret values by SecretId; a missing id answers ResourceNotFoundException. */
  public readonly secrets = new Map<string, string>();
  public putEventsMode: PutEventsMode = 'accept';
  public readonly entries: ReceivedEntry[] = [];
  public readonly objects = new Map<string, { body: Buffer; contentType?: string }>();
  public secretFetches = 0;
  #server: Server | undefined;
  #url = '';

  /** Base URL, valid after {@link start}. */
  public get url(): string {
    return this.#url;
  }

  public async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      void this.#route(req, res).catch((error: unknown) => reply(res, 500, { __type: 'InternalFailure', message: String(error) }));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#server?.close((error) => (error ? reject(error) : resolve())));
  }

  /** Real SDK clients pointed at this server, with dummy credentials and no retries (fast failures). */
  public clients(): { eventBridge: EventBridgeClient; s3: S3Client; secretsManager: SecretsManagerClient } {
    const common = {
      endpoint: this.#url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key' },
      maxAttempts: 1,
    };
    return {
      eventBridge: new EventBridgeClient(common),
      s3: new S3Client({ ...common, forcePathStyle: true }),
      secretsManager: new SecretsManagerClient(common),
    };
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = req.headers['x-amz-target'];
    if (req.method === 'POST' && target === 'AWSEvents.PutEvents') return this.#putEvents(JSON.parse(body.toString('utf8')), res);
    if (req.method === 'POST' && target === 'secretsmanager.GetSecretValue') return this.#getSecret(JSON.parse(body.toString('utf8')), res);
    if (req.method === 'PUT') return this.#putObject(req, body, res);
    reply(res, 400, { __type: 'UnknownOperationException', message: `unsupported ${req.method} ${String(target)}` });
  }

  #putEvents(request: { Entries: ReceivedEntry[] }, res: ServerResponse): void {
    if (this.putEventsMode === 'service-error') return reply(res, 500, { __type: 'InternalException', message: 'boom' });
    if (this.putEventsMode === 'reject-entry') {
      return reply(res, 200, {
        FailedEntryCount: request.Entries.length,
        Entries: request.Entries.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'rejected by the fake' })),
      });
    }
    this.entries.push(...request.Entries);
    reply(res, 200, { FailedEntryCount: 0, Entries: request.Entries.map((_, i) => ({ EventId: `event-${this.entries.length + i}` })) });
  }

  #getSecret(request: { SecretId: string }, res: ServerResponse): void {
    this.secretFetches++;
    const value = this.secrets.get(request.SecretId);
    if (value === undefined) {
      return reply(res, 400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
    }
    reply(res, 200, { ARN: request.SecretId, Name: request.SecretId, SecretString: value, VersionId: 'v1', CreatedDate: 0 });
  }

  #putObject(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    const streaming = String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
    this.objects.set(path, { body: streaming ? decodeAwsChunked(raw) : raw, contentType: req.headers['content-type'] });
    res.writeHead(200, { ETag: '"fake"' }).end();
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes `aws-chunked` content (`<hex size>[;ext]\r\n<data>\r\n … 0\r\n<trailers>`). */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    const size = parseInt(raw.subarray(offset, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (!size) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}
