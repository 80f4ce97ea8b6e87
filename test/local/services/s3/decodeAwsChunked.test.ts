import { describe, expect, it } from 'vitest';
import { decodeAwsChunked } from '../../../../local/services/s3/index.js';

describe('decodeAwsChunked', () => {
  it('decodes signed chunks and the trailers after the last chunk', () => {
    // GIVEN the framing of a SigV4 streaming upload with a trailer
    const raw = Buffer.from(
      '5;chunk-signature=aaaa\r\nhello\r\n6;chunk-signature=bbbb\r\n world\r\n0;chunk-signature=cccc\r\n' +
        'x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:dddd\r\n\r\n',
    );
    // WHEN
    const decoded = decodeAwsChunked(raw);
    // THEN
    expect(decoded.body.toString()).toBe('hello world');
    expect(decoded.trailers['x-amz-checksum-crc32']).toBe('DUoRhQ==');
  });

  it('fails if a chunk is shorter than its declared size', () => {
    expect(() => decodeAwsChunked(Buffer.from('ff\r\nshort\r\n0\r\n\r\n'))).toThrow('aws-chunked body is shorter than its chunk sizes');
  });
});
