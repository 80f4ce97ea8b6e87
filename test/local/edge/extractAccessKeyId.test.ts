import { describe, expect, it } from 'vitest';
import { extractAccessKeyId } from '../../../local/edge/index.js';

describe('extractAccessKeyId', () => {
  it('reads the key id from a SigV4 Authorization header', () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=LOCALABC123/20261125/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';
    expect(extractAccessKeyId({ authorization })).toBe('LOCALABC123');
  });

  it('reads the key id from a presigned URL', () => {
    const url = '/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=LOCALXYZ%2F20261125%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=x';
    expect(extractAccessKeyId({}, url)).toBe('LOCALXYZ');
  });

  it('returns undefined for an unsigned request', () => {
    expect(extractAccessKeyId({}, '/bucket/key')).toBeUndefined();
  });
});
