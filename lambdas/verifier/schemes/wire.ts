import { createHash } from 'node:crypto';
import { parseForm } from '../../shared/form.js';
import { ErrorCode, MalformedPayloadError, SignatureError } from '../errors.js';
import type { HmacAlgorithm, Payload, SignatureEncoding, WebhookRequest } from '../types.js';

/*
 * Small parsing helpers shared by the scheme adapters. They are strict on purpose: anything that
 * is not exactly the vendor's format is rejected as malformed rather than coerced, so a header
 * never verifies "by accident" after lenient decoding.
 */

/** Digest length of each HMAC algorithm, in bytes. */
export const DIGEST_BYTES: Readonly<Record<HmacAlgorithm, number>> = { sha1: 20, sha256: 32, sha512: 64 };

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/** A header's value by case-insensitive name, or `undefined`. */
export function header(request: WebhookRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}

/** A header's value; a missing or empty header is `signature_missing`. */
export function requireHeader(request: WebhookRequest, name: string): string {
  const value = header(request, name)?.trim();
  if (!value) throw new SignatureError(ErrorCode.SignatureMissing, `missing header ${name}`);
  return value;
}

/**
 * Decodes one written signature. Wrong alphabet, non-canonical padding or a length that is not
 * the algorithm's digest length (e.g. a sha1 signature where sha256 is configured) is malformed.
 */
export function decodeDigest(
  text: string,
  encoding: SignatureEncoding,
  algorithm: HmacAlgorithm,
  headerName: string,
): Buffer {
  const valid = encoding === 'hex' ? HEX.test(text) && text.length % 2 === 0 : BASE64.test(text) && text.length % 4 === 0;
  const bytes = valid ? Buffer.from(text, encoding) : undefined;
  if (!bytes || bytes.length !== DIGEST_BYTES[algorithm]) {
    throw new SignatureError(
      ErrorCode.SignatureMalformed,
      `header ${headerName} does not hold a ${encoding} ${algorithm} signature`,
    );
  }
  return bytes;
}

/** Parses a signed Unix timestamp in seconds. */
export function parseUnixSeconds(text: string, headerName: string): number {
  if (!UNIX_SECONDS.test(text)) {
    throw new SignatureError(ErrorCode.SignatureMalformed, `header ${headerName} does not hold a Unix timestamp`);
  }
  return Number(text);
}

/** Media type of the request without parameters, lower-cased (`''` when absent). */
export function mediaType(request: WebhookRequest): string {
  return (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True for `application/json` and `application/*+json`. */
export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The body as a JSON payload; a body that is not JSON is `malformed_payload`. */
export function jsonPayload(bytes: Buffer): Payload & { kind: 'json' } {
  try {
    return { kind: 'json', bytes, value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    // No cause: JSON.parse quotes short inputs whole in its message, and causes reach the logs.
    throw new MalformedPayloadError('body is not valid JSON');
  }
}

/** The body as form fields. */
export function formPayload(bytes: Buffer): Payload & { kind: 'form' } {
  return { kind: 'form', bytes, fields: parseForm(bytes.toString('utf8')) };
}

/** A string property of a JSON object, or `undefined` for any other shape. */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/** The headers of `names` that are present, keyed by lower-case name. */
export function pickHeaders(request: WebhookRequest, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = header(request, name);
    if (value !== undefined) picked[name.toLowerCase()] = value;
  }
  return picked;
}

/** Hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
