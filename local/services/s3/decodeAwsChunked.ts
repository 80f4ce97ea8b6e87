import { IncompleteBodyError } from './errors.js';

const CRLF = Buffer.from('\r\n');

/** A decoded aws-chunked body and its trailing headers (names lower-case). */
export interface DecodedChunkedBody {
  readonly body: Buffer;
  readonly trailers: Readonly<Record<string, string>>;
}

/**
 * Decodes an `aws-chunked` request body: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` repeated,
 * a zero-size chunk, then optional trailer lines (`x-amz-checksum-crc32:…`) and an empty line. The
 * AWS SDK v3 sends PutObject this way for streaming bodies, with its flexible checksum as trailer.
 * Chunk and trailer signatures are not verified (the local runtime verifies no signature).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 * @throws IncompleteBodyError if the framing is broken
 */
export const decodeAwsChunked = (raw: Buffer): DecodedChunkedBody => {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = raw.indexOf(CRLF, pos);
    if (lineEnd === -1) throw new IncompleteBodyError('aws-chunked body ends inside a chunk header');
    const header = raw.subarray(pos, lineEnd).toString('latin1');
    const size = Number.parseInt(header.split(';')[0] ?? '', 16);
    if (!Number.isInteger(size) || size < 0) throw new IncompleteBodyError(`bad aws-chunked chunk header ${JSON.stringify(header)}`);
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > raw.length) throw new IncompleteBodyError('aws-chunked body is shorter than its chunk sizes');
    parts.push(raw.subarray(pos, pos + size));
    pos += size;
    if (!raw.subarray(pos, pos + 2).equals(CRLF)) throw new IncompleteBodyError('aws-chunked chunk is not followed by CRLF');
    pos += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of raw.subarray(pos).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(parts), trailers };
};
