import { randomBytes } from 'node:crypto';

/** Escapes text for an XML element. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The request id pair S3 sends on every answer (`x-amz-request-id`, `x-amz-id-2`). */
export const s3RequestIds = (): { requestId: string; hostId: string } => ({
  requestId: randomBytes(8).toString('hex').toUpperCase(),
  hostId: randomBytes(48).toString('base64'),
});

/**
 * S3's error document:
 * `<Error><Code>…</Code><Message>…</Message>[<Key>…</Key>…]<RequestId>…</RequestId><HostId>…</HostId></Error>`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses
 */
export const s3ErrorXml = (
  code: string,
  message: string,
  fields: Readonly<Record<string, string>>,
  ids: { requestId: string; hostId: string },
): string => {
  const extra = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>${extra}` +
    `<RequestId>${ids.requestId}</RequestId><HostId>${escapeXml(ids.hostId)}</HostId></Error>`
  );
};
