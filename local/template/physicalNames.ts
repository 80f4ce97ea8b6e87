import { createHash } from 'node:crypto';
import { DEFAULT_NAME_LIMIT, NAME_LIMITS, PHYSICAL_NAME_HASH_LENGTH } from './constants.js';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `length` characters of `alphabet` derived from the SHA-256 of `seed`: the same seed always gives the
 * same string, so a restart (with `STATE_DIR`) finds the queues, tables and secrets it created before.
 */
export function deterministicId(seed: string, length: number, alphabet: string = UPPER_ALNUM): string {
  let out = '';
  let counter = 0;
  while (out.length < length) {
    const digest = createHash('sha256').update(`${seed}#${counter}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
    counter += 1;
  }
  return out;
}

/** A deterministic RFC 4122-shaped UUID (event source mapping ids, KMS key ids, table ids). */
export function deterministicUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Lowercase alphanumerics (API ids: 10 chars). */
export function deterministicLowerId(seed: string, length: number): string {
  return deterministicId(seed, length, LOWER_ALNUM);
}

/** Mixed-case alphanumerics (the 6-character suffix Secrets Manager appends to a secret's ARN). */
export function deterministicMixedId(seed: string, length: number): string {
  return deterministicId(seed, length, MIXED_ALNUM);
}

/**
 * The name CloudFormation would generate for a resource with no explicit name:
 * `<StackName>-<LogicalId>-<HASH>`, cut to the type's length limit, lowercase for buckets, ending in
 * `.fifo` for FIFO queues. Deterministic (hash of stack name and logical id).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html
 */
export function generatePhysicalName(stackName: string, logicalId: string, resourceType: string, suffix = ''): string {
  const limit = NAME_LIMITS[resourceType] ?? DEFAULT_NAME_LIMIT;
  const lowercase = resourceType === 'AWS::S3::Bucket';
  const hash = deterministicId(`${stackName}/${logicalId}`, PHYSICAL_NAME_HASH_LENGTH, lowercase ? LOWER_ALNUM : UPPER_ALNUM);
  let prefix = `${stackName}-${logicalId}`;
  if (lowercase) prefix = prefix.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const room = limit - hash.length - 1 - suffix.length;
  if (prefix.length > room) prefix = prefix.slice(0, room).replace(/-+$/, '');
  return `${prefix}-${hash}${suffix}`;
}
