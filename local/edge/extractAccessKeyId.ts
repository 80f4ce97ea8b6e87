import type { IncomingHttpHeaders } from 'node:http';

const HEADER_CREDENTIAL = /Credential=([^/,\s]+)\//;
const QUERY_CREDENTIAL = /[?&]X-Amz-Credential=([^&%/]+)(?:%2F|\/)/i;

/**
 * The access key id of a SigV4-signed request: from the `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, …`) or from a presigned URL's
 * `X-Amz-Credential`; `undefined` for an unsigned request. The signature itself is NOT verified
 * locally: the key only identifies the caller.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-elements.html
 */
export const extractAccessKeyId = (headers: IncomingHttpHeaders, url = ''): string | undefined => {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = HEADER_CREDENTIAL.exec(authorization);
    if (match) return match[1];
  }
  const query = QUERY_CREDENTIAL.exec(url);
  return query ? decodeURIComponent(query[1] as string) : undefined;
};
