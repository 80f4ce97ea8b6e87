import * as crypto from 'node:crypto';
import { parseForm } from '../../shared/form.js';
import { ErrorCode, MalformedPayloadError, SignatureError } from '../errors.js';
import { joinedText, textOf } from '../raw-bytes.js';
import type { HmacAlgorithm, Payload, RawBytes, SignatureEncoding, WebhookRequest } from '../types.js';

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

/** Lower-case forms of the header names the adapters ask for: a handful of constants, asked per request. */
const lowerNames = new Map<string, string>();

/** `name` lower-cased, as request header names are. */
function lowerName(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    // Adapters ask for constant names (and the generic scheme for its configured one); a bound keeps it so.
    if (lowerNames.size < 1024) lowerNames.set(name, lower);
  }
  return lower;
}

/** A header's value by case-insensitive name, or `undefined`. */
export function header(request: WebhookRequest, name: string): string | undefined {
  return request.headers[lowerName(name)];
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

/** A URL of printable ASCII only: no space, control or non-ASCII character for the URL parser to drop or encode. */
const PLAIN_URL = /^[\x21-\x7e]*$/;

/**
 * The first value of query parameter `name` in `url`, exactly as `new URL(url).searchParams.get(name)`
 * reads it. A URL of printable ASCII (every URL a vendor signs in practice) is not parsed whole,
 * which costs three times as much: its query is what follows the first `?` before any `#`, read by
 * the same `URLSearchParams` rules (the characters the URL parser would percent-encode there are
 * decoded back by them). Any other URL goes through `new URL`. (Where `new URL` throws, for a
 * plain URL with an invalid host, the query is read all the same.)
 */
export function queryParameter(url: string, name: string): string | null {
  if (!PLAIN_URL.test(url)) return new URL(url).searchParams.get(name);
  const fragment = url.indexOf('#');
  const beforeFragment = fragment < 0 ? url : url.slice(0, fragment);
  const query = beforeFragment.indexOf('?');
  // From the `?` on: the constructor drops exactly that one, so a second `?` stays part of the first name, as in a URL.
  return query < 0 ? null : new URLSearchParams(beforeFragment.slice(query)).get(name);
}

/** Media type of the request without parameters, lower-cased (`''` when absent). */
export function mediaType(request: WebhookRequest): string {
  const value = request.headers['content-type'] ?? '';
  const end = value.indexOf(';');
  return (end < 0 ? value : value.slice(0, end)).trim().toLowerCase();
}

/** True for `application/json` and `application/*+json`. */
export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The body as a JSON payload; a body that is not JSON is `malformed_payload`. */
export function jsonPayload(bytes: RawBytes): Payload & { kind: 'json' } {
  try {
    return { kind: 'json', bytes, value: JSON.parse(textOf(bytes)) as unknown };
  } catch {
    // No cause: JSON.parse quotes short inputs whole in its message, and causes reach the logs.
    throw new MalformedPayloadError('body is not valid JSON');
  }
}

/** The body as form fields. */
export function formPayload(bytes: RawBytes): Payload & { kind: 'form' } {
  return { kind: 'form', bytes, fields: parseForm(textOf(bytes)) };
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
    const lower = lowerName(name);
    const value = request.headers[lower];
    if (value !== undefined) picked[lower] = value;
  }
  return picked;
}

/**
 * `crypto.hash` (Node.js 20.12+): a one-shot digest without a `Hash` object, about a third
 * cheaper on a 2 KiB body. `undefined` on older Node.js 20 releases, which take the streaming path.
 */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: RawBytes, encoding: 'hex') => string }).hash;

/** Hex SHA-256 of the concatenated `parts`. */
export function sha256Hex(...parts: readonly RawBytes[]): string {
  if (oneShotHash) {
    const whole = parts.length === 1 ? parts[0] : joinedText(parts);
    if (whole !== undefined) return oneShotHash('sha256', whole, 'hex');
  }
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
