import { createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode, SignatureError } from './errors.js';
import type { HmacAlgorithm, RawBytes, SignedContent } from './types.js';

/** Input to {@link verify}. */
export interface VerifyInput {
  readonly content: SignedContent;
  /** HMAC keys of the active secrets, newest first by convention; index is reported back. */
  readonly keys: readonly Buffer[];
  readonly nowSeconds: number;
  /** Allowed distance between the signed timestamp and now, both past and future. */
  readonly toleranceSeconds: number;
}

/** Outcome of a successful verification. */
export interface VerifyResult {
  /** Which entry of the secret array matched, so an old secret can be retired with evidence. */
  readonly secretIndex: number;
}

/** Computes the HMAC of `message` (or of its parts, concatenated) under `key`. */
export function hmac(algorithm: HmacAlgorithm, key: Buffer, message: RawBytes | readonly RawBytes[]): Buffer {
  const mac = createHmac(algorithm, key);
  if (typeof message === 'string' || Buffer.isBuffer(message)) return mac.update(message).digest();
  // Part by part: joining would copy the body, and the garbage costs more than the extra call.
  for (const part of message) mac.update(part);
  return mac.digest();
}

/**
 * The one verification core every scheme goes through: HMAC over raw bytes, constant-time
 * comparison, secret rotation and the timestamp window.
 *
 * The signature is checked before the timestamp on purpose: `timestamp_out_of_window` then only
 * ever describes an authentic but stale (or early) delivery, i.e. a replay or clock skew, and
 * never tells a forger which part of a forged request was wrong.
 *
 * @throws SignatureError `signature_mismatch` or `timestamp_out_of_window`
 */
export function verify(input: VerifyInput): VerifyResult {
  const { content, keys } = input;
  const { messages, signatures } = content;
  for (let secretIndex = 0; secretIndex < keys.length; secretIndex++) {
    for (const message of messages) {
      const expected = hmac(content.algorithm, keys[secretIndex]!, message);
      for (const candidate of signatures) {
        if (constantTimeEqual(expected, candidate)) {
          assertWithinWindow(content.timestamp, input.nowSeconds, input.toleranceSeconds);
          return { secretIndex };
        }
      }
    }
  }
  throw new SignatureError(ErrorCode.SignatureMismatch, 'no signature matches the request');
}

/**
 * `timingSafeEqual` throws on different lengths, so lengths are compared first. Leaking the
 * length is harmless: it is fixed by the algorithm and public.
 */
function constantTimeEqual(expected: Buffer, candidate: Buffer): boolean {
  return expected.length === candidate.length && timingSafeEqual(expected, candidate);
}

function assertWithinWindow(timestamp: number | undefined, now: number, tolerance: number): void {
  if (timestamp === undefined) return;
  if (Math.abs(now - timestamp) > tolerance) {
    throw new SignatureError(
      ErrorCode.TimestampOutOfWindow,
      `signed timestamp is more than ${tolerance} seconds away from the current time`,
    );
  }
}
