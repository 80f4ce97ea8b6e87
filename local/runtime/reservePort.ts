import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LocalRuntimeError, PortInUseError } from './errors.js';

/** A port held by a placeholder listener until the real server takes it. */
export interface PortReservation {
  readonly port: number;
  /** Frees the port; call right before the real server listens on it. Idempotent. */
  release(): Promise<void>;
}

/**
 * Binds `host:port` (0 picks a free port) with a placeholder listener, so a port in use is reported
 * before anything starts and a picked port stays ours (no other listener of this process — e.g.
 * dynalite on port 0 — can take it) until {@link PortReservation.release}.
 *
 * @param what what the port is for, e.g. `the webhook port`
 * @param setting the setting that chooses it, e.g. `PORT`
 * @throws PortInUseError naming the port and the setting to change
 */
export async function reservePort(host: string, port: number, what: string, setting: string): Promise<PortReservation> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host, exclusive: true }, () => resolve());
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PortInUseError(what, host, port, setting, { cause: error });
    throw new LocalRuntimeError(`cannot listen on ${host}:${port} for ${what} (${code ?? (error as Error).message}): set HOST to a local address and ${setting} to a free port (0 picks one)`, { cause: error });
  }
  const actual = (server.address() as AddressInfo).port;
  let released: Promise<void> | undefined;
  return {
    port: actual,
    release: () => (released ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
