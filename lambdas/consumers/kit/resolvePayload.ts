import type { S3Client } from '@aws-sdk/client-s3';
import { fetchClaimCheck } from './fetchClaimCheck.js';
import { parsePayload } from './parsePayload.js';
import type { ConsumerEvent, Envelope } from './types.js';

/**
 * Turns an envelope into what a consumer function sees: an envelope carrying `dataref` gets its
 * payload fetched from S3, checked, and parsed into `data` (or `data_base64`); `dataref` stays for
 * reference. Any other envelope is returned as it is.
 */
export const resolvePayload = async (
  envelope: Envelope,
  s3: () => S3Client,
  allowedBucket?: string,
): Promise<ConsumerEvent> => {
  if (envelope.dataref === undefined) return envelope;
  const body = await fetchClaimCheck(s3(), envelope.dataref, allowedBucket);
  return { ...envelope, ...parsePayload(body, envelope.datacontenttype) };
};
