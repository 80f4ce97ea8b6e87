import { request, type Agent } from 'node:http';

/** The answer of one POST. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * POSTs `body` over `agent` (keep-alive) and reads the whole answer; rejects on a connection error
 * or after `timeoutMs`. Plain `node:http`: the load generator's own cost stays small and known.
 */
export function httpPost(url: URL, headers: Readonly<Record<string, string>>, body: string | Buffer, agent: Agent, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, method: 'POST', hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
