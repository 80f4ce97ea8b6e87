import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBridgeService } from './EventBridgeService.js';

/**
 * A `node:http` request listener that serves one {@link EventBridgeService}: reads the body and
 * `X-Amz-Target`, answers with the service's status, headers and body. For tests and for running
 * the emulator alone; the edge server calls `service.handle` directly.
 */
export function createRequestListener(service: EventBridgeService): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      void service.handle(target, Buffer.concat(chunks).toString('utf8')).then((answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      });
    });
  };
}
