import { request as httpRequest } from 'node:http';
import type { EdgeRequest, ServiceHandler, ServiceResponse } from './types.js';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/**
 * A service handler that forwards each request unchanged (method, path, headers, body) to another
 * HTTP server — dynalite for DynamoDB — and returns its answer as is.
 */
export const createProxyHandler = (targetUrl: string): ServiceHandler => {
  const target = new URL(targetUrl);
  return (request: EdgeRequest, body: Buffer): Promise<ServiceResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      headers['content-length'] = String(body.length);
      const outgoing = httpRequest(
        { host: target.hostname, port: target.port, method: request.method ?? 'POST', path: request.url ?? '/', headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const answerHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: incoming.statusCode ?? 502, headers: answerHeaders, body: Buffer.concat(chunks) });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
};
