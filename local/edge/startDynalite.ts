import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { DEFAULT_EDGE_HOST } from './constants.js';
import { EdgeListenError } from './errors.js';
import type { EdgeRequest, ServiceHandler, ServiceResponse } from './types.js';

/** The options of the `dynalite` factory this module uses (dynalite ships no type declarations). */
interface DynaliteOptions {
  readonly path?: string;
  readonly createTableMs?: number;
  readonly deleteTableMs?: number;
  readonly updateTableMs?: number;
}

const dynalite = createRequire(import.meta.url)('dynalite') as (options: DynaliteOptions) => Server;

/** Options of {@link startDynalite}. */
export interface StartDynaliteOptions {
  /** A directory for the LevelDB store (e.g. under STATE_DIR). @default - in memory */
  readonly path?: string;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** How long tables stay CREATING/DELETING/UPDATING. @default 0 */
  readonly tableTransitionMs?: number;
}

/** A running dynalite. */
export interface RunningDynalite {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /**
   * Serves one request in this process: dynalite's own request listener, given the request and a
   * response held in memory, so the edge skips a loopback HTTP round trip per DynamoDB call.
   */
  readonly handle: ServiceHandler;
  /** Stops the server and closes its store. */
  readonly close: () => Promise<void>;
}

/**
 * Starts dynalite — a DynamoDB implementation on LevelDB — in this process, on loopback, for the
 * edge to hand DynamoDB requests to ({@link RunningDynalite.handle}, in process).
 *
 * @throws EdgeListenError if the port cannot be bound
 */
export const startDynalite = async (options: StartDynaliteOptions = {}): Promise<RunningDynalite> => {
  const host = options.host ?? DEFAULT_EDGE_HOST;
  const requested = options.port ?? 0;
  const ms = options.tableTransitionMs ?? 0;
  const server = dynalite({ path: options.path, createTableMs: ms, deleteTableMs: ms, updateTableMs: ms });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new EdgeListenError(host, requested, { cause: error })));
    server.listen(requested, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const listener = server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
  return {
    url: `http://${host}:${port}`,
    port,
    handle: (request, body) => serveInMemory(listener, request, body),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
};

/**
 * Calls an HTTP request listener with an in-memory request (method, url, headers, then the body as
 * one `data` event) and collects what it writes. dynalite's listener uses only these members
 * (node_modules/dynalite/index.js: `req.on`, `req.removeAllListeners`, `res.statusCode`,
 * `res.setHeader`, `res.end`), and keeps a `contentType` of its own on the response.
 */
function serveInMemory(listener: (req: IncomingMessage, res: ServerResponse) => void, request: EdgeRequest, body: Buffer): Promise<ServiceResponse> {
  return new Promise((resolve, reject) => {
    const req = Object.assign(new EventEmitter(), { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headers });
    const headers: Record<string, string> = {};
    const res = {
      statusCode: 200,
      setHeader(name: string, value: number | string | readonly string[]): void {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      },
      end(chunk?: string | Buffer): void {
        const bytes = chunk === undefined ? Buffer.alloc(0) : typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        delete headers['transfer-encoding'];
        headers['content-length'] = String(bytes.length);
        resolve({ status: res.statusCode, headers, body: bytes });
      },
    };
    try {
      listener(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    process.nextTick(() => {
      if (body.length > 0) req.emit('data', body);
      req.emit('end');
    });
  });
}
