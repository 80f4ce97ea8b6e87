import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a service wire handler returns. */
export interface HandlerAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A loopback HTTP server a test started and must close. */
export interface ServedHandler {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves one service wire handler alone (no edge, no IAM) on 127.0.0.1 on a free port, so the
 * service can be tested with its real AWS SDK client.
 */
export const serveHandler = async (
  handler: (request: IncomingMessage, body: Buffer) => Promise<HandlerAnswer>,
): Promise<ServedHandler> => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handler(req, Buffer.concat(chunks))
        .then((answer) => {
          const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
          const headers: Record<string, string> = { ...answer.headers };
          headers['content-length'] ??= String(body.length);
          res.writeHead(answer.status, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
