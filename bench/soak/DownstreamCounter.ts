import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The calls one key got on one path. */
export interface KeyCalls {
  /** When each 2xx answer was sent (ms since epoch): one side effect each. */
  readonly effects: number[];
  /** Every call, whatever the answer. */
  attempts: number;
  /** Calls whose caller was gone before the answer (killed mid-call): not side effects. */
  abandoned: number;
  /** 2xx-answered calls made by an archive replay (the body's `replayName`). */
  replayEffects: number;
}

/** Decides the status of a call from how many calls the key had on this path before. */
export type Responder = (previousAttempts: number) => number;

/**
 * The downstream HTTP server the soak consumers call (127.0.0.1, a free or given port): it counts,
 * per path and `Idempotency-Key`, every call and every 2xx answer (a side effect). This is where the
 * soak run counts side effects — from outside the runtime.
 */
export class DownstreamCounter {
  private readonly paths = new Map<string, Map<string, KeyCalls>>();
  private readonly responders = new Map<string, Responder>();

  private constructor(private readonly server: Server, public readonly url: string) {}

  /** Listens on 127.0.0.1:`port` (0: a free port); rejects when the port is taken. */
  public static async start(port = 0): Promise<DownstreamCounter> {
    let instance: DownstreamCounter | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        const key = String(request.headers['idempotency-key'] ?? '');
        let replayName: string | undefined;
        try {
          replayName = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { replayName?: string }).replayName;
        } catch {
          replayName = undefined;
        }
        const calls = instance!.callsOf(path, key);
        const status = instance!.responders.get(path)?.(calls.attempts) ?? 200;
        calls.attempts += 1;
        if (request.socket.destroyed || response.destroyed) {
          calls.abandoned += 1;
          return;
        }
        if (status >= 200 && status < 300) {
          calls.effects.push(Date.now());
          if (replayName) calls.replayEffects += 1;
        }
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status < 300 ? '{"ok":true}' : '{"ok":false}');
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    instance = new DownstreamCounter(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return instance;
  }

  /** Makes calls to `path` answer what `responder` says (default 200). */
  public respond(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  /** Per key, the calls to `path`. */
  public keys(path: string): ReadonlyMap<string, KeyCalls> {
    return this.paths.get(path) ?? new Map();
  }

  /** Total 2xx answers (side effects) on `path`. */
  public effectCount(path: string): number {
    let total = 0;
    for (const calls of this.keys(path).values()) total += calls.effects.length;
    return total;
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private callsOf(path: string, key: string): KeyCalls {
    let byKey = this.paths.get(path);
    if (!byKey) this.paths.set(path, (byKey = new Map()));
    let calls = byKey.get(key);
    if (!calls) byKey.set(key, (calls = { effects: [], attempts: 0, abandoned: 0, replayEffects: 0 }));
    return calls;
  }
}
