import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError } from './errors.js';

/**
 * Reads a request body, counting bytes as they stream in: a declared `content-length` over the
 * limit fails before reading, a body that grows past it fails at the chunk that crosses it and
 * stops being read (the caller answers 413 and closes the connection).
 *
 * @throws PayloadTooLargeError past `limitBytes`
 */
export const readBody = (req: IncomingMessage, limitBytes: number): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      reject(new PayloadTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        req.pause();
        reject(new PayloadTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // A client that disconnects mid-body: nothing will arrive any more.
    const onClose = (): void => {
      cleanup();
      reject(new Error('the client closed the connection before sending the whole body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
