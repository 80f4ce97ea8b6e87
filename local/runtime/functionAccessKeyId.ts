import { createHash } from 'node:crypto';

/**
 * The access key id a function signs its AWS calls with: `LOCAL` + 15 hex digits of the SHA-256 of
 * its logical id (20 characters, like an AWS key id). The edge maps it back to the function's role.
 */
export function functionAccessKeyId(logicalId: string): string {
  return `LOCAL${createHash('sha256').update(logicalId).digest('hex').slice(0, 15).toUpperCase()}`;
}
