import type { IncomingMessage, ServerResponse } from 'node:http';

import { SerializationError } from './errors.js';
import { handleSqsRequest, sqsErrorResponse } from './handle-sqs-request.js';
import type { SqsService } from './sqs-service.js';

/** The access key id in a SigV4 `Authorization` header (`Credential=<AKID>/<date>/...`). */
function accessKeyIdOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A node:http request listener serving the SQS wire: `POST /` with `X-Amz-Target`. SigV4 is not
 * verified (any credentials work), as in other local emulators. A long poll ends when the client
 * disconnects.
 *
 * @example
 * const sqs = new SqsService();
 * const server = http.createServer(createSqsRequestListener(sqs));
 */
export function createSqsRequestListener(service: SqsService): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void (async () => {
      const abort = new AbortController();
      response.on('close', () => abort.abort());
      let result;
      try {
        const text = await readBody(request);
        const header = request.headers['x-amz-target'];
        const target = Array.isArray(header) ? header[0] : header;
        let body: unknown = {};
        // Without a target this is not awsJson1_0 (e.g. a query-protocol form body): let the
        // handler name the protocol problem instead of a JSON parse error.
        if (target !== undefined && text.length > 0) {
          try {
            body = JSON.parse(text);
          } catch {
            throw new SerializationError('The request body is not valid JSON.');
          }
        }
        result = await handleSqsRequest(service, target, body, {
          accessKeyId: accessKeyIdOf(request.headers.authorization),
          signal: abort.signal,
        });
      } catch (error) {
        result = sqsErrorResponse(error);
      }
      if (response.writableEnded || response.destroyed) return;
      response.writeHead(result.status, { ...result.headers, 'content-length': Buffer.byteLength(result.body) });
      response.end(result.body);
    })();
  };
}
