import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server saw. */
export interface RecordedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A tiny HTTP server on 127.0.0.1 answering SQS GetQueueUrl (JSON protocol) and recording each
 * request, to observe what a function's unchanged SDK client sends.
 */
export async function recordingSqsServer(): Promise<{ url: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => { body += chunk; });
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      const { QueueName } = JSON.parse(body || '{}') as { QueueName?: string };
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ QueueUrl: `http://127.0.0.1/000000000000/${QueueName}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
