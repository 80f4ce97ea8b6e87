import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server a test started on 127.0.0.1 and must stop. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Reads a request body in full. */
export const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Starts `server` on 127.0.0.1, on a free port. */
export const listenLocal = async (server: Server): Promise<LocalServer> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

/** Starts an HTTP server with `handler` on 127.0.0.1, on a free port. */
export const startHttpServer = (
  handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>,
): Promise<LocalServer> =>
  listenLocal(
    createServer((req, res) => {
      readBody(req)
        .then((body) => handler(req, res, body))
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
    }),
  );
