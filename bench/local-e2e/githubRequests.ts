import { createScheme } from '../../lambdas/verifier/schemes/index.js';
import type { LoadRequest } from './loadgen.js';

const github = createScheme('github');

/**
 * An endless supply of distinct GitHub `push` deliveries signed with `secret` by the verifier's own
 * GitHub adapter (`sign` is the inverse of its check): each call returns a new delivery id.
 */
export function githubRequests(url: string, secret: string, prefix: string): () => LoadRequest {
  let n = 0;
  return () => {
    const id = `${prefix}-${n++}`;
    const body = JSON.stringify({ ref: 'refs/heads/main', after: id, repository: { full_name: 'acme/bench' }, pusher: { name: 'bench' }, commits: [{ id, message: 'bench' }] });
    const signed = github.sign({ body: Buffer.from(body), contentType: 'application/json', url, timestamp: Math.floor(Date.now() / 1000), id, type: 'push', secret });
    return { id, body, headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])) };
  };
}
