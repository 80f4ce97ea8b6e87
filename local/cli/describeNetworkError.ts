/**
 * A short reason for a failed connection (`ECONNREFUSED`, a timeout, a DNS failure), digging
 * through `cause` the way fetch and the AWS SDK wrap them; `undefined` for anything else.
 */
export function describeNetworkError(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (code === 'ECONNRESET') return 'connection reset';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || current.name === 'TimeoutError') return 'timed out';
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  }
  return undefined;
}
