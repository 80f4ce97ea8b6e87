import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** CRC32 of `body`, base64 of its 4 big-endian bytes, as `x-amz-checksum-crc32` carries it. */
export const crc32Base64 = (body: Buffer): string => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(body) >>> 0);
  return bytes.toString('base64');
};

/**
 * The base64 checksum of `body` for the algorithms computable with Node alone (crc32, sha1, sha256);
 * `undefined` for crc32c and crc64nvme, which are then stored as sent, unverified.
 */
export const computeChecksum = (algorithm: string, body: Buffer): string | undefined => {
  switch (algorithm) {
    case 'crc32':
      return crc32Base64(body);
    case 'sha1':
    case 'sha256':
      return createHash(algorithm).update(body).digest('base64');
    default:
      return undefined;
  }
};

/** The MD5 hex of `body`, which is an unencrypted single-part object's ETag. */
export const md5Hex = (body: Buffer): string => createHash('md5').update(body).digest('hex');
