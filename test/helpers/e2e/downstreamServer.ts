import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the consumers made to the downstream server. */
export interface DownstreamCall {
  readonly path: string;
  /** `Idempotency-Key` header (`source#id`). */
  readonly key: string | undefined;
  readonly consumer: string | undefined;
  /** The answer; 0 when the caller went away before it (e.g. the runtime was killed mid-call). */
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly rawBody: string;
  /** When the call arrived (ms since epoch). */
  readonly at: number;
  /** When it was answered (or found abandoned). */
  readonly answeredAt: number;
}

/** Decides the status of a call: e.g. 503 for the first attempts of each key. */
export type DownstreamResponder = (call: Omit<DownstreamCall, 'status' | 'answeredAt'>, previousAttempts: number) => number;

/**
 * The downstream HTTP server the fixture consumers call (127.0.0.1, a free port). It records every
 * call and answers what the responder of its path says (200 by default): this is the "outside"
 * where the e2e tests count side effects, never the runtime's own counters.
 */
export class DownstreamServer {
  private readonly calls: DownstreamCall[] = [];
  private readonly responders = new Map<string, DownstreamResponder>();
  private readonly attempts = new Map<string, number>();
  private readonly delays = new Map<string, number>();
  private readonly pending = new Map<string, number>();

  private constructor(private readonly server: Server, public readonly url: string) {}

  /** Starts a server on `host` (default 127.0.0.1) and `port` (default 0: a free one). */
  public static async start(host = '127.0.0.1', port = 0): Promise<DownstreamServer> {
    let instance: DownstreamServer | undefined;
    const server = createServer((request, response) => {
      void readBody(request).then(async (rawBody) => {
        const { call, status, delayMs } = instance!.decide(request, rawBody);
        instance!.pending.set(call.path, (instance!.pending.get(call.path) ?? 0) + 1);
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        instance!.pending.set(call.path, instance!.pending.get(call.path)! - 1);
        // A caller that is gone (killed while waiting) never saw the answer: no side effect.
        const gone = request.socket.destroyed || response.destroyed;
        instance!.calls.push({ ...call, status: gone ? 0 : status, answeredAt: Date.now() });
        if (gone) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: status < 300 }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    instance = new DownstreamServer(server, `http://${host}:${address.port}`);
    return instance;
  }

  /** Makes calls to `path` answer what `responder` says. */
  public respond(path: string, responder: DownstreamResponder): void {
    this.responders.set(path, responder);
  }

  /** Makes calls to `path` wait `ms` before they are answered (keeps consumers busy). */
  public delay(path: string, ms: number): void {
    this.delays.set(path, ms);
  }

  /** Calls to `path` received but not answered yet. */
  public inProgress(path: string): number {
    return this.pending.get(path) ?? 0;
  }

  /** Every call so far (optionally to one path, optionally only those answered 2xx). */
  public received(path?: string, options: { readonly accepted?: boolean } = {}): DownstreamCall[] {
    return this.calls.filter((c) => (path === undefined || c.path === path) && (!options.accepted || (c.status >= 200 && c.status < 300)));
  }

  /** 2xx-answered calls to `path` with the idempotency key `key`: the side effects of one event. */
  public effects(path: string, key: string): DownstreamCall[] {
    return this.received(path, { accepted: true }).filter((c) => c.key === key);
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private decide(request: IncomingMessage, rawBody: string): { call: Omit<DownstreamCall, 'status' | 'answeredAt'>; status: number; delayMs: number } {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const key = header(request, 'idempotency-key');
    const call = { path, key, consumer: header(request, 'x-hookbridge-consumer') ?? (body.consumer as string | undefined), body, rawBody, at: Date.now() };
    const attemptKey = `${path} ${key}`;
    const previous = this.attempts.get(attemptKey) ?? 0;
    this.attempts.set(attemptKey, previous + 1);
    const status = this.responders.get(path)?.(call, previous) ?? 200;
    return { call, status, delayMs: this.delays.get(path) ?? 0 };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
