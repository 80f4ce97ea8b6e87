import { createHash, timingSafeEqual } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ClaimCheckFetchError, ClaimCheckIntegrityError } from './errors.js';
import type { DataRef } from './types.js';

/**
 * Fetches a claim-checked body from S3 and checks it against the envelope's `dataref`: byte
 * length first, then SHA-256. Returns the raw bytes.
 *
 * @param allowedBucket - when set, a `dataref` into any other bucket is refused before any request
 */
export const fetchClaimCheck = async (
  s3: S3Client,
  ref: DataRef,
  allowedBucket?: string,
): Promise<Uint8Array> => {
  if (allowedBucket !== undefined && ref.bucket !== allowedBucket) {
    throw new ClaimCheckFetchError(
      ref.bucket,
      ref.key,
      `dataref bucket ${ref.bucket} is not the claim-check bucket ${allowedBucket}`,
    );
  }
  let body: Uint8Array;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    if (object.Body === undefined) {
      throw new Error('GetObject returned no body');
    }
    body = await object.Body.transformToByteArray();
  } catch (error) {
    throw new ClaimCheckFetchError(
      ref.bucket,
      ref.key,
      `could not fetch claim-checked payload s3://${ref.bucket}/${ref.key}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (body.byteLength !== ref.size) {
    throw new ClaimCheckIntegrityError(
      ref.bucket,
      ref.key,
      `claim-checked payload s3://${ref.bucket}/${ref.key} has ${body.byteLength} bytes, dataref says ${ref.size}`,
    );
  }
  const actual = createHash('sha256').update(body).digest();
  const expected = Buffer.from(ref.sha256, 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(actual, expected)) {
    throw new ClaimCheckIntegrityError(
      ref.bucket,
      ref.key,
      `claim-checked payload s3://${ref.bucket}/${ref.key} sha256 ${actual.toString('hex')} does not match dataref ${ref.sha256}`,
    );
  }
  return body;
};
