import { createHash } from 'node:crypto';
import { startHttpServer, type LocalServer } from './listen.js';
import type { DataRef } from '../../../lambdas/consumers/kit/index.js';

/** A path-style S3 GetObject endpoint serving objects the test put in `objects`. */
export interface FakeS3 extends LocalServer {
  /** `bucket/key` → bytes. */
  readonly objects: Map<string, Buffer>;
  /** Every path requested, in order. */
  readonly requests: string[];
  /** Stores `body` and returns the `dataref` the verifier would have put in the envelope. */
  readonly put: (bucket: string, key: string, body: Buffer) => DataRef;
}

/**
 * Starts a fake S3 that answers `GET /{bucket}/{key}` (path-style addressing) with the stored
 * bytes, or 404 `NoSuchKey`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export const startFakeS3 = async (): Promise<FakeS3> => {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = await startHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).slice(1);
    requests.push(path);
    const body = req.method === 'GET' ? objects.get(path) : undefined;
    if (body === undefined) {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/xml');
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('content-length', String(body.length));
    res.setHeader('etag', `"${createHash('md5').update(body).digest('hex')}"`);
    res.end(body);
  });
  return {
    ...server,
    objects,
    requests,
    put: (bucket, key, body) => {
      objects.set(`${bucket}/${key}`, body);
      return { bucket, key, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
    },
  };
};
