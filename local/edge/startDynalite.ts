import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { DEFAULT_EDGE_HOST } from './constants.js';
import { EdgeListenError } from './errors.js';

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
  /** Stops the server and closes its store. */
  readonly close: () => Promise<void>;
}

/**
 * Starts dynalite — a DynamoDB implementation on LevelDB — in this process, on loopback, for the
 * edge to proxy DynamoDB requests to.
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
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
};
